/** An ISO 8601 timestamp the way Discord writes it: microseconds and an explicit UTC offset. */
export function discordTimestamp(ms: number = Date.now()): string {
	return new Date(ms).toISOString().replace("Z", "000+00:00");
}
