import { describe, expect, it } from "vitest";
import { customIdOf, messageWhen, parts, settled } from "./test-support/components.js";
import { asker, CHANNEL, GUILD, other, startHarness } from "./test-support/harness.js";
import { DEFER, UPDATE } from "./test-support/responses.js";

describe("the Discord bot, end to end through discord.js", () => {
	it("answers /category with a header, one embed per card and paging buttons, pinging no one", async () => {
		const h = await startHarness();
		const command = await h.category({ cat_id: 1031910, sort: "sales" });
		const message = await settled(command);
		expect(message.ephemeral).toBe(false);
		expect(message?.content).toContain("Best selling · Page 1 of 28");
		expect(message?.content).toContain("`/category 1031910 sort:sales`");
		expect(message?.embeds).toHaveLength(5);
		expect(message?.embeds[0]).toMatchObject({
			url: expect.stringMatching(/^https:\/\/detail\.1688\.com/),
			thumbnail: { url: expect.any(String) },
		});
		expect(parts(message).map((p) => [p.label, p.disabled ?? false])).toEqual(
			expect.arrayContaining([
				["⏮", true],
				["◀", true],
				["1/28", true],
				["▶", false],
				["⏭", false],
			]),
		);
		expect(message?.allowedMentions).toMatchObject({ parse: [] });
		expect(h.logs()).toContain("discord bot ready");
	});

	it("pages in place for the asker, and privately for anyone else", async () => {
		const h = await startHarness();
		const message = await settled(await h.category({ cat_id: 1031910 }));
		const next = await h.discord.pressButton({ user: asker, message, customId: customIdOf(message, "▶") });
		// Page 2 comes out of the same upstream page: answered with an update at once.
		expect((await next.response()).type).toBe(UPDATE);
		const moved = await messageWhen(h.discord, next, message.id, (m) => m.content.includes("Page 2 of 28"));
		expect(moved.embeds[0]?.title).toMatch(/^6\. /);

		const last = await h.discord.pressButton({
			user: other,
			message: moved,
			customId: customIdOf(moved, "⏭"),
		});
		const privatePage = await settled(last);
		expect(privatePage).toMatchObject({ ephemeral: true, visibleTo: other.id });
		expect(privatePage.content).toContain("Page 28 of 28");
		expect(h.discord.message(message.id)?.content).toContain("Page 2 of 28");
		expect(parts(privatePage).map((p) => p.label)).toContain("📣 Share to channel");
	});

	it("answers privately with private:true and shares the page to the channel on request", async () => {
		const h = await startHarness();
		const privateAnswer = await settled(await h.category({ cat_id: 1031910, private: true }));
		expect(privateAnswer.ephemeral).toBe(true);
		const share = await h.discord.pressButton({
			user: asker,
			message: privateAnswer,
			customId: customIdOf(privateAnswer, "Share"),
		});
		const shared = await settled(share);
		expect(shared.ephemeral).toBe(false);
		expect(shared.embeds).toHaveLength(5);
		expect(parts(shared).map((p) => p.label)).not.toContain("📣 Share to channel");
		expect(h.discord.channelMessages(CHANNEL).map((m) => m.id)).toContain(shared.id);
	});

	it("defers an uncached page within 3 s, then edits the answer in", async () => {
		const h = await startHarness({ TMAPI_TIMEOUT_MS: "10000" });
		h.emu.setLatency(3_300);
		const command = await h.category({ cat_id: 1031910 });
		const first = await command.response();
		expect(first.type).toBe(DEFER);
		expect(first.elapsedMs).toBeLessThan(3_000);
		const edit = await command.waitForEdit(8_000);
		expect(edit).toMatchObject({ accepted: true });
		expect(command.original?.embeds).toHaveLength(5);
		expect(h.discord.violations).toEqual([]);
	}, 15_000);

	it("keeps old buttons working after a restart", async () => {
		const h = await startHarness();
		const message = await settled(await h.category({ cat_id: 1031910, sort: "sales" }));
		await h.restart();
		const next = await h.discord.pressButton({ user: asker, message, customId: customIdOf(message, "▶") });
		// A new process has an empty cache: it defers, then edits.
		expect((await next.response()).type).toBe(6);
		await messageWhen(h.discord, next, message.id, (m) => m.content.includes("Page 2 of 28"));
	});

	it("browses categories and autocompletes names it has seen, without paid calls", async () => {
		const h = await startHarness();
		const top = await settled(
			await h.discord.runCommand({ guildId: GUILD, channelId: CHANNEL, user: asker, name: "categories" }),
		);
		expect(top.ephemeral).toBe(true);
		const select = parts(top).find((p) => p.type === 3) as
			| { custom_id: string; options: { value: string; label: string }[] }
			| undefined;
		const first = select?.options[0];
		if (!select || !first) throw new Error("no category menu");
		const pick = await h.discord.selectMenu({
			user: asker,
			message: top,
			customId: select.custom_id,
			values: [first.value],
		});
		await messageWhen(h.discord, pick, top.id, (m) => m.content.includes(first.value));

		const before = h.emu.stats.requests;
		const typed = first.label.slice(0, 4);
		const auto = await h.discord.autocomplete({
			guildId: GUILD,
			channelId: CHANNEL,
			user: asker,
			name: "category",
			options: [{ name: "cat_id", type: 4, value: typed, focused: true }],
		});
		const answer = await auto.response();
		expect(answer.type).toBe(8);
		const choices = (answer.data as { choices: { value: number }[] }).choices;
		expect(choices.map((c) => String(c.value))).toContain(first.value);
		expect(h.emu.stats.requests).toBe(before);
	});
});
