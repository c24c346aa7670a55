import { DEMO_CATEGORY_IDS } from "@catbot/tmapi-emulator";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { customIdOf, messageWhen, parts, settled } from "./test-support/components.js";
import { asker, CHANNEL, GUILD, other, startHarness, TMAPI_TOKEN } from "./test-support/harness.js";

const DEFER = 5;
const UPDATE = 7;

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

	it("registers its commands idempotently with the documented payload", async () => {
		const h = await startHarness();
		const before = h.discord.commands.map((c) => [c.name, c.id]);
		expect(before.map(([name]) => name).sort()).toEqual([
			"categories",
			"category",
			"export",
			"help",
			"shortlist",
			"unwatch",
			"watch",
			"watches",
		]);
		const category = h.discord.commands.find((c) => c.name === "category");
		const options = (
			category as unknown as { options: { name: string; required?: boolean; autocomplete?: boolean }[] }
		).options;
		expect(options.map((o) => o.name)).toEqual([
			"cat_id",
			"sort",
			"page",
			"min_price",
			"max_price",
			"free_shipping",
			"dropshipping",
			"super_factory",
			"new_arrival",
			"language",
			"size",
			"private",
		]);
		expect(options[0]).toMatchObject({ required: true, autocomplete: true });
		// Discord itself bounds the category id and the page.
		expect(options[0]).toMatchObject({ min_value: 1, max_value: 99_999_999_999 });
		expect(options.find((o) => o.name === "page")).toMatchObject({ min_value: 1, max_value: 2_000 });
		await expect(h.category({ cat_id: 1031910, page: 2_001 })).rejects.toThrow(/"page" is outside 1\.\.2000/);
		await expect(h.category({ cat_id: 100_000_000_000 })).rejects.toThrow(/"cat_id" is outside/);
		const shortlist = h.discord.commands.find((c) => c.name === "shortlist") as unknown as {
			options: { name: string; type: number; min_value?: number; max_value?: number }[];
		};
		expect(shortlist.options).toEqual([
			{
				type: 4,
				name: "page",
				description: "Page to show (5 cards a page)",
				min_value: 1,
				max_value: 20_000,
			},
			{ type: 5, name: "export", description: "The whole list as a CSV file instead" },
			{ type: 5, name: "private", description: "Answer only to me" },
		]);
		await expect(h.shortlist({ page: 20_001 })).rejects.toThrow(/"page" is outside 1\.\.20000/);
		const watch = h.discord.commands.find((c) => c.name === "watch") as unknown as {
			options: { name: string; choices?: { value: string }[] }[];
		};
		// The query of /category, less paging and privacy (a watch reads page 1 and posts in the channel).
		expect(watch.options.map((o) => o.name)).toEqual([
			"cat_id",
			"sort",
			"min_price",
			"max_price",
			"free_shipping",
			"dropshipping",
			"super_factory",
			"new_arrival",
			"language",
			"every",
		]);
		expect(watch.options.at(-1)?.choices?.map((c) => c.value)).toEqual(["6h", "12h", "24h"]);
		const unwatch = h.discord.commands.find((c) => c.name === "unwatch") as unknown as { options: unknown[] };
		expect(unwatch.options).toEqual([
			{
				type: 4,
				name: "n",
				description: "The watch's number in /watches",
				required: true,
				min_value: 1,
				max_value: 1_000,
			},
		]);
		expect(h.discord.commands.find((c) => c.name === "watches")).not.toHaveProperty("options.0");
	});

	it("exports a CSV attachment, showing progress by editing the reply", async () => {
		const h = await startHarness({ HEALTH_PORT: "0", HEALTH_HOST: "127.0.0.1" });
		const command = await h.category({ cat_id: 1031910, sort: "sales", pages: 2 }, asker, "export");
		expect((await command.response()).type).toBe(DEFER);
		const done = await command.waitUntil(
			(handle) => handle.edits.find((e) => String((e.body as { content?: string }).content).startsWith("✅")),
			8_000,
		);
		expect((done.body as { content: string }).content).toContain("40 products from 2 page(s)");
		expect(
			command.edits.some((e) => String((e.body as { content?: string }).content).includes("page 1 of 2")),
		).toBe(true);
		const upload = h.discord.requests.filter((r) => r.files.length > 0).at(-1);
		const file = upload?.files[0];
		expect(file?.filename).toBe("catbot-1031910-sales.csv");
		const rows = parse(file?.data ?? "", { bom: true, columns: true }) as Record<string, string>[];
		expect(rows).toHaveLength(40);
		expect((await fetch(`http://127.0.0.1:${h.bot.healthPort}/healthz`)).status).toBe(200);
		const metrics = await (await fetch(`http://127.0.0.1:${h.bot.healthPort}/metrics`)).text();
		expect(metrics).toContain('catbot_actions_total{platform="discord",action="export",outcome="ok"} 1');
	});

	it("logs an expired interaction (10062) instead of throwing, and keeps serving", async () => {
		const h = await startHarness();
		// Discord answers 10062 when the acknowledgement comes too late; inject exactly that, twice (defer, then reply).
		h.discord.failNext((request) => request.path.endsWith("/callback"), {
			status: 404,
			body: { code: 10062, message: "Unknown interaction" },
			times: 2,
		});
		await h.category({ cat_id: 1031910 });
		for (let i = 0; i < 250 && !h.logs().includes("interaction expired before we answered"); i += 1) {
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		expect(h.logs()).toContain("interaction expired before we answered");
		expect(h.logs()).not.toContain('"msg":"interaction failed"');
		const next = await settled(await h.category({ cat_id: 1031910, page: 2 }));
		expect(next.content).toContain("Page 2 of 28");
	});

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
