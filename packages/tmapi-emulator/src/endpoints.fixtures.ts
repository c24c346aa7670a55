import type { Json, SharedEmulator } from "./emulator.fixtures.js";

export interface CategoryCalls {
	get(path: string): Promise<{ status: number; body: Json }>;
	v1(query: string): Promise<{ status: number; body: Json }>;
	v2(query: string): Promise<{ status: number; body: Json }>;
}

/** GETs against the file's emulator, answering the status and the parsed body. */
export function categoryCalls(emu: SharedEmulator): CategoryCalls {
	async function get(path: string): Promise<{ status: number; body: Json }> {
		const res = await fetch(`${emu.url}${path}`);
		return { status: res.status, body: await res.json() };
	}
	return {
		get,
		v1: (query: string) => get(`/1688/category/items?${query}`),
		v2: (query: string) => get(`/1688/category/items/v2?${query}`),
	};
}

export const ids = (body: Json): number[] => body.data.items.map((i: Json) => i.item_id);
