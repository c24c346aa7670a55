import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { settled } from "./test-support/components.js";
import { asker, startHarness } from "./test-support/harness.js";
import { DEFER } from "./test-support/responses.js";

describe("the Discord bot, end to end through discord.js", () => {
	it("registers its commands idempotently with the documented payload", async () => {
		const h = await startHarness();
		const before = h.discord.commands.map((c) => [c.name, c.id]);
		expect(before.map(([name]) => name).sort()).toEqual([
			"categories",
			"category",
			"export",
			"help",
			"search",
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
		// The query of /category or /search, less paging and privacy (a watch reads page 1 and posts in the channel).
		expect(watch.options.map((o) => o.name)).toEqual([
			"cat_id",
			"keyword",
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
		const search = h.discord.commands.find((c) => c.name === "search") as unknown as {
			options: { name: string; required?: boolean; max_length?: number }[];
		};
		expect(search.options[0]).toMatchObject({ name: "keyword", required: true, max_length: 60 });
		expect(search.options.map((o) => o.name)).not.toContain("cat_id");
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
});
