import type { InteractionHandle, RecordedMessage } from "@catbot/fake-discord";
import { CHANNEL, type Harness, startHarness } from "./harness.js";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The bot's clock: real time plus whatever the test moved it by. Nothing ever sleeps an hour. */
function testClock() {
	let offset = 0;
	return {
		now: () => Date.now() + offset,
		advance(ms: number) {
			offset += ms;
		},
	};
}

/** A harness whose bot runs on a clock the test moves. */
export async function startWatching(env: Record<string, string> = {}) {
	const clock = testClock();
	const h = await startHarness({ RATE_LIMIT_ACTIONS: "100", ...env }, {}, { now: clock.now });
	return { h, clock };
}

/** The watch posts in a channel: messages the bot sent there itself, not interaction answers. */
export function posts(h: Harness, channelId = CHANNEL): RecordedMessage[] {
	return h.discord.channelMessages(channelId).filter((m) => m.source === "channel");
}

/** Waits until the channel holds `count` watch posts, and returns the last. */
export function postNumber(h: Harness, handle: InteractionHandle, count: number, channelId = CHANNEL) {
	return handle.waitUntil(() => {
		const all = posts(h, channelId);
		return all.length >= count ? all[count - 1] : undefined;
	}, 5_000);
}

export const itemCalls = (h: Harness) => h.emu.stats.byEndpoint.v1 + h.emu.stats.byEndpoint.v2;
export const titleOf = (embed: { title?: unknown } | undefined) =>
	String(embed?.title).replace(/^\d+\. /, "");
