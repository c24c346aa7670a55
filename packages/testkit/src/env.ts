/**
 * The environment that points a bot's configuration at a TMAPI emulator for a test: the emulator's URL
 * and token, and no retries with a 1 s timeout, so an injected fault shows at once instead of being
 * retried away.
 *
 * @example
 * loadTelegramConfig({ TELEGRAM_BOT_TOKEN: tg.token, ...emulatorEnv(emu, TMAPI_TOKEN) });
 */
export function emulatorEnv(emulator: { readonly url: string }, token: string): Record<string, string> {
	return { TMAPI_TOKEN: token, TMAPI_BASE_URL: emulator.url, TMAPI_RETRIES: "0", TMAPI_TIMEOUT_MS: "1000" };
}
