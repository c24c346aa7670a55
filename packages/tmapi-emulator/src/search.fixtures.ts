import type { Json, SharedEmulator } from "./emulator.fixtures.js";

/** A GET of /1688/search/items on the file's emulator, answering the status and the parsed body. */
export function searchOn(
	emu: SharedEmulator,
): (query: Record<string, string>) => Promise<{ status: number; body: Json }> {
	return async function search(query: Record<string, string>): Promise<{ status: number; body: Json }> {
		const res = await fetch(`${emu.url}/1688/search/items?${new URLSearchParams(query)}`);
		return { status: res.status, body: await res.json() };
	};
}

export const ids = (body: Json): string[] => body.data.items.map((i: Json) => i.item_id);
