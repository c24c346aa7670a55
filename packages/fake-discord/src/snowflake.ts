import { DISCORD_EPOCH_MS } from "./constants.js";

/** Makes Discord snowflakes: unique, increasing, and carrying their creation time like real ids. */
export type SnowflakeFactory = () => string;

/** Creates a generator; each fake has its own so ids do not depend on test order. */
export function createSnowflakes(): SnowflakeFactory {
	let lastMs = 0;
	let increment = 0;
	return () => {
		const ms = Math.max(Date.now(), lastMs);
		if (ms === lastMs) increment += 1;
		else increment = 0;
		lastMs = ms;
		// The increment has 12 bits; past that, borrow the next millisecond rather than repeat an id.
		if (increment > 0xfff) {
			lastMs += 1;
			increment = 0;
		}
		return ((BigInt(lastMs - DISCORD_EPOCH_MS) << 22n) | (1n << 17n) | BigInt(increment)).toString();
	};
}

/** The creation time encoded in a snowflake. */
export function snowflakeTime(id: string): number {
	return Number(BigInt(id) >> 22n) + DISCORD_EPOCH_MS;
}
