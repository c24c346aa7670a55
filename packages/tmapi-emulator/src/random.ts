/** A seeded source of pseudo-random numbers in [0, 1), plus the few draws the generator needs. */
export interface Random {
	/** The next float in [0, 1). */
	next(): number;
	/** An integer in [min, max], both inclusive. */
	int(min: number, max: number): number;
	/** True with probability `p`. */
	chance(p: number): boolean;
	/** One element of a non-empty list. */
	pick<T>(list: readonly T[]): T;
}

/**
 * Mixes a seed and any number of safe integers into one 32-bit seed.
 *
 * Each category gets its own stream derived from (seed, cat_id), so the data of one category never depends on
 * which categories were generated before it: the same seed gives the same data in every process.
 */
export function mixSeed(seed: number, ...parts: readonly number[]): number {
	let h = (seed ^ 0x9e3779b9) >>> 0;
	for (const part of parts) {
		// Split into 32-bit halves: cat_ids go beyond 2^32 and bitwise operators would truncate them.
		const low = part % 0x1_0000_0000;
		const high = Math.floor(part / 0x1_0000_0000);
		for (const word of [low, high]) {
			h = Math.imul(h ^ (word >>> 0), 0x85ebca6b);
			h = (h ^ (h >>> 13)) >>> 0;
			h = Math.imul(h, 0xc2b2ae35);
			h = (h ^ (h >>> 16)) >>> 0;
		}
	}
	return h;
}

/** mulberry32: tiny, fast and good enough for test data; not for anything secret. */
export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
	};
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		chance: (p) => next() < p,
		pick: <T>(list: readonly T[]): T => {
			const value = list[Math.floor(next() * list.length)];
			if (value === undefined) throw new RangeError("pick() needs a non-empty list");
			return value;
		},
	};
}
