/**
 * CPU time (user and system) a call takes, in ms: the least of `runs` runs. Tests bound work with it
 * rather than with wall time, which counts how busy the machine is as well; the least of a few runs
 * leaves out a garbage collection or a JIT compile that happened to land in one, while a call that is
 * really slow is slow every time.
 */
export async function cpuMs(run: () => unknown, runs = 3): Promise<number> {
	let least = Number.POSITIVE_INFINITY;
	for (let i = 0; i < runs; i++) {
		const before = process.cpuUsage();
		await run();
		const used = process.cpuUsage(before);
		least = Math.min(least, (used.user + used.system) / 1000);
	}
	return least;
}

/** {@link cpuMs} for a synchronous call, so property tests need not be async. */
export function cpuMsSync(run: () => unknown, runs = 3): number {
	let least = Number.POSITIVE_INFINITY;
	for (let i = 0; i < runs; i++) {
		const before = process.cpuUsage();
		run();
		const used = process.cpuUsage(before);
		least = Math.min(least, (used.user + used.system) / 1000);
	}
	return least;
}
