import { DEMO_CATEGORY_IDS } from "@catbot/tmapi-emulator";
import { describe, expect, it } from "vitest";
import { customIdOf, messageWhen, parts, settled } from "./test-support/components.js";
import { asker, CHANNEL, startHarness, TMAPI_TOKEN } from "./test-support/harness.js";

describe("the Discord bot, end to end through discord.js", () => {
	it("refuses bad option values privately, without any upstream call", async () => {
		const h = await startHarness();
		const refusal = await settled(await h.category({ cat_id: 1031910, min_price: 50, max_price: 10 }));
		expect(refusal).toMatchObject({ ephemeral: true });
		expect(refusal.content).toMatch(/min price/i);
		expect(h.emu.stats.requests).toBe(0);
	});

	it("refuses a forged custom_id privately", async () => {
		const h = await startHarness();
		const real = customIdOf(await settled(await h.category({ cat_id: 1031910 })), "▶");
		const forged = `${real.slice(0, -3)}${real.endsWith("AAA") ? "BBB" : "AAA"}`;
		const response = await fetch(`${h.discord.apiBase}/v10/channels/${CHANNEL}/messages`, {
			method: "POST",
			headers: { authorization: `Bot ${h.discord.token}`, "content-type": "application/json" },
			body: JSON.stringify({
				content: "tampered",
				components: [
					{
						type: 1,
						components: [
							{ type: 2, style: 2, label: "x", custom_id: forged },
							{ type: 2, style: 2, label: "y", custom_id: "zz|garbage" },
						],
					},
				],
			}),
		});
		const posted = (await response.json()) as { id: string };
		for (const customId of [forged, "zz|garbage"]) {
			const note = await settled(await h.discord.pressButton({ user: asker, message: posted.id, customId }));
			expect(note).toMatchObject({ ephemeral: true });
			expect(note.content).toContain("no longer valid");
		}
	});

	it("answers a page past the known end privately with one button to the last page, without an upstream call", async () => {
		const h = await startHarness();
		await settled(await h.category({ cat_id: 1031910 }));
		const before = h.emu.stats.requests;
		const refusal = await settled(await h.category({ cat_id: 1031910, page: 99 }));
		expect(refusal).toMatchObject({
			ephemeral: true,
			visibleTo: asker.id,
			content: "Page 99 of 28 does not exist: the last page is 28.",
		});
		expect(parts(refusal).map((p) => p.label)).toEqual(["Page 28 »"]);
		// The page buttons' own scheme, owned by the asker: their press moves this message.
		expect(customIdOf(refusal, "Page 28 »")).toMatch(new RegExp(`^p\\|${asker.id}\\|[\\w-]+$`));
		expect(h.emu.stats.requests).toBe(before);
		const press = await h.discord.pressButton({
			user: asker,
			message: refusal,
			customId: customIdOf(refusal, "Page 28 »"),
		});
		const last = await messageWhen(h.discord, press, refusal.id, (m) => m.content.includes("Page 28 of 28"));
		expect(last.ephemeral).toBe(true);
		expect(last.embeds[0]?.title).toMatch(/^136\. /);

		const paid = h.emu.stats.requests;
		const inChannel = h.discord.channelMessages(CHANNEL).length;
		const exported = await settled(await h.category({ cat_id: 1031910, page: 99 }, asker, "export"));
		expect(exported).toMatchObject({
			ephemeral: true,
			content: "Page 99 of 28 does not exist: the last page is 28.",
		});
		expect(parts(exported).map((p) => p.label)).toEqual(["Page 28 »"]);
		// The public "thinking…" placeholder is gone: nothing new stays in the channel.
		expect(h.discord.channelMessages(CHANNEL)).toHaveLength(inChannel);
		expect(h.emu.stats.requests).toBe(paid);
	});

	it("tells a rate-limited user privately when to try again", async () => {
		const h = await startHarness({ RATE_LIMIT_ACTIONS: "2", RATE_LIMIT_WINDOW_SECONDS: "60" });
		for (let i = 0; i < 2; i += 1) await settled(await h.category({ cat_id: 1031910 }));
		const third = await settled(await h.category({ cat_id: 1031910 }));
		expect(third).toMatchObject({ ephemeral: true });
		expect(third.content).toMatch(/try again in \d+ s/);
	});

	it.each([
		[439, /subscription has expired or run out of balance/],
		[503, /busy right now/],
	])("reports upstream %d privately", async (code, text) => {
		const h = await startHarness();
		h.emu.inject({ kind: "code", code, endpoint: "v2" });
		const note = await settled(await h.category({ cat_id: 1031910 }));
		expect(note).toMatchObject({ ephemeral: true });
		expect(note.content).toMatch(text);
		expect(h.discord.channelMessages(CHANNEL)).toEqual([]);
		expect(h.logs()).not.toContain(TMAPI_TOKEN);
		expect(h.logs()).not.toContain(h.discord.token);
		expect(h.logs()).not.toMatch(/webhooks\/\d+\/[\w-]{20,}/);
	});

	it("shows titles with @everyone and markdown without pinging or formatting", async () => {
		const h = await startHarness();
		const message = await settled(await h.category({ cat_id: DEMO_CATEGORY_IDS.quirkyTitles, size: 10 }));
		expect(message.embeds).toHaveLength(10);
		const titles = message.embeds.map((e) => String(e.title)).join("\n");
		expect(titles).toContain("@\u200beveryone");
		expect(titles).not.toMatch(/(^|[^\u200b])@everyone/);
		expect(message.allowedMentions).toMatchObject({ parse: [] });
		for (const embed of message.embeds) expect(String(embed.title).length).toBeLessThanOrEqual(256);
	});
});
