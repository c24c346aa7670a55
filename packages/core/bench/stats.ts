/** Value at quantile q (0..1) of already sorted numbers. */
export function quantile(sorted: readonly number[], q: number): number {
	if (sorted.length === 0) return Number.NaN;
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
	return sorted[index] ?? Number.NaN;
}

/**
 * A Zipf(s) sampler over ranks 0..n-1 driven by a seeded PRNG, so every run draws the same workload.
 */
export function zipfSampler(n: number, s: number, seed: number): () => number {
	const weights = Array.from({ length: n }, (_, k) => 1 / (k + 1) ** s);
	const total = weights.reduce((a, b) => a + b, 0);
	const cdf: number[] = [];
	let acc = 0;
	for (const w of weights) {
		acc += w / total;
		cdf.push(acc);
	}
	let state = seed >>> 0;
	const random = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return () => {
		const r = random();
		let lo = 0;
		let hi = cdf.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if ((cdf[mid] ?? 1) < r) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
}

export function ms(value: number): string {
	return `${value.toFixed(2)} ms`;
}
