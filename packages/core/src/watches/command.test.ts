import { describe, expect, it } from "vitest";
import { formatCommand } from "../query/format.js";
import { parseWatchCommand, watchCommandFromOptions } from "./command.js";

function watchOf(text: string) {
	const command = parseWatchCommand(text);
	if (!command.ok || command.command !== "watch") throw new Error(`not a watch: ${JSON.stringify(command)}`);
	return command;
}

function problem(text: string): string {
	const command = parseWatchCommand(text);
	if (command.ok) throw new Error(`accepted: ${text}`);
	return command.refusal.message;
}

describe("parseWatchCommand", () => {
	it("reads the category grammar with every: taken out, in any spelling", () => {
		const watch = watchOf("/watch@CatBot 1031910 new_arrival sort:sales price:-20 every:6h");
		expect(formatCommand(watch.query)).toBe("/category 1031910 sort:sales price:-20 new_arrival");
		expect(watch.intervalHours).toBe(6);
		expect(watchOf("/watch 1031910 EVERY : 12h").intervalHours).toBe(12);
		expect(watchOf("/watch 1031910 every 2d").intervalHours).toBe(48);
		expect(watchOf("/watch 1031910 every=8").intervalHours).toBe(8);
		expect(watchOf("/watch 1031910").intervalHours).toBe(24);
		expect(watchOf("1031910 sort:sales").query.sort).toBe("sales");
	});

	it("round-trips: the canonical command of a watch reads back to the same query", () => {
		for (const text of ["/watch 1031910 sort:sales price:10-50 free_shipping lang:ru", "/watch 1031910 v1"]) {
			const { query } = watchOf(text);
			const again = watchOf(formatCommand(query).replace("/category", "/watch"));
			expect(again.query).toEqual(query);
		}
	});

	it("refuses paging, bad intervals and a missing query with clear sentences", () => {
		expect(problem("/watch 1031910 page:2")).toBe(
			"A watch checks the first page of results: leave out page: and size:.",
		);
		expect(problem("/watch 1031910 size:10")).toContain("leave out page: and size:");
		expect(problem("/watch 1031910 every:0h")).toContain("Every must be a number of hours or days");
		expect(problem("/watch 1031910 every:721h")).toContain("from 1 h to 720 h");
		expect(problem("/watch 1031910 every:soon")).toContain("every:6h");
		expect(problem("/watch 1031910 every:6h every:12h")).toBe("Give every only once.");
		expect(problem("/watch")).toBe(
			"Tell me what to watch, e.g. /watch 1031910 new_arrival sort:sales every:12h.",
		);
		expect(problem("/watch sotr:sales 1031910")).toContain("Did you mean 'sort'?");
		expect(problem("/watchlist 1")).toBe("Unknown command /watchlist. Use /watch, /watches or /unwatch.");
		expect(problem(`/watch 1031910 ${"x".repeat(1_000)}`)).toContain("too long");
	});

	it("reads /watches and /unwatch <n>", () => {
		expect(parseWatchCommand("/watches@CatBot")).toEqual({ ok: true, command: "watches" });
		expect(parseWatchCommand("/unwatch 2")).toEqual({ ok: true, command: "unwatch", position: 2 });
		expect(parseWatchCommand("/unwatch #3")).toEqual({ ok: true, command: "unwatch", position: 3 });
		expect(problem("/unwatch")).toContain("/unwatch 2");
		expect(problem("/unwatch 0")).toBe("The watch number must be from 1 to 1000.");
		expect(problem("/unwatch 1 2")).toContain("Say which watch");
		expect(problem("/watches 2")).toBe("/watches takes no options.");
	});
});

describe("watchCommandFromOptions", () => {
	it("takes Discord's options with every as hours or text, and refuses paging", () => {
		const watch = watchCommandFromOptions({ catId: 1031910, sort: "sales", newArrival: true, every: "12h" });
		expect(watch).toMatchObject({ ok: true, command: "watch", intervalHours: 12, query: { sort: "sales" } });
		expect(watchCommandFromOptions({ catId: 1031910, every: 6 })).toMatchObject({ intervalHours: 6 });
		expect(watchCommandFromOptions({ catId: 1031910, every: undefined })).toMatchObject({
			intervalHours: 24,
		});
		expect(watchCommandFromOptions({ catId: 1031910, page: 2 })).toMatchObject({ ok: false });
		expect(watchCommandFromOptions({ catId: 1031910, every: 1.5 })).toMatchObject({ ok: false });
		expect(watchCommandFromOptions(null)).toMatchObject({ ok: false });
	});
});
