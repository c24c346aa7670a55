const SNOWFLAKE = /^\d{1,20}$/;

/**
 * Rejects ids that are not snowflakes: discord.js turns ids into BigInts (creation dates, shard routing), so
 * a test using "guild-1" would fail far from its cause.
 */
export function checkSnowflake(kind: string, id: string): void {
	if (!SNOWFLAKE.test(id))
		throw new TypeError(`Fake Discord: ${kind} id must be a snowflake (digits), got "${id}"`);
}
