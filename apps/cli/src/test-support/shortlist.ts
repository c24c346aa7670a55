import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { discordChannelPlace, type Place, type SavedCard } from "@catbot/core";
import { createLogger, openStore } from "@catbot/runtime";
import { runProcess } from "@catbot/testkit";
import { expect } from "vitest";

const MAIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url));
export const CSV = { bom: true, columns: true } as const;

export const CHAT: Place = { platform: "telegram", id: "-1001234567890" };
export const CHANNEL: Place = discordChannelPlace("81384788765712384", "81384788765712390");
export const SILENT = createLogger({ level: "silent" });

/** A fresh folder to run in, as the repo root would be: the store goes to its ./data unless told. */
export function folder(): string {
	return mkdtempSync(join(tmpdir(), "catbot-shortlist-"));
}

export async function run(args: string[], cwd: string, env: Record<string, string> = {}) {
	const child = runProcess(MAIN, { args: ["shortlist", ...args], cwd, env });
	const [code] = await child.exited;
	const stdout = child.stdout();
	return { code, stdout, stderr: child.output().replace(stdout, ""), output: child.output() };
}

/** Saved card n of a hostile-enough list: one title is a formula, one name a mention, one title escapes. */
export function card(n: number, overrides: Partial<SavedCard> = {}): SavedCard {
	const itemId = String(700_000_000_000 + n);
	return {
		itemId,
		title: `Summer dress ${n} 连衣裙`,
		imageUrl: `https://cbu01.alicdn.com/img/${n}.jpg`,
		productUrl: `https://detail.1688.com/offer/${itemId}.html`,
		price: 10 + n / 4,
		currency: "CNY",
		moq: 2,
		shopName: `Shop ${n}`,
		shopUrl: `https://shop${n}.1688.com`,
		categoryId: 1031910,
		categoryName: "连衣裙",
		command: "/category 1031910 sort:sales",
		savedBy: { userId: String(100 + n), name: `Member ${n}` },
		savedAt: Date.UTC(2026, 10, n, 12),
		...overrides,
	};
}

const CARDS: readonly SavedCard[] = [
	card(1),
	card(2, {
		title: '=HYPERLINK("http://evil.example","click")',
		savedBy: { userId: "102", name: "@everyone" },
	}),
	card(3, { price: null, moq: null, shopName: null }),
	card(4, { title: "Red \u001b[31mdress\u001b[0m\nsecond line" }),
	card(5),
	card(6),
	card(7, { savedBy: { userId: "107", name: null } }),
];
/** What the list holds: newest save first. */
export const NEWEST_FIRST = [...CARDS].reverse();

export async function seed(
	where: { dataDir?: string; databaseUrl?: string },
	place: Place,
	cards: readonly SavedCard[],
) {
	const store = await openStore({ ...where, logger: SILENT });
	try {
		for (const saved of cards) expect((await store.shortlist.save(place, saved)).status).toBe("saved");
	} finally {
		await store.close();
	}
}

/** A folder whose ./data holds the chat's seven cards and one card of a Discord channel. */
export async function seeded(): Promise<string> {
	const cwd = folder();
	await seed({ dataDir: join(cwd, "data") }, CHAT, CARDS);
	await seed({ dataDir: join(cwd, "data") }, CHANNEL, [card(9, { title: "Channel card" })]);
	return cwd;
}
