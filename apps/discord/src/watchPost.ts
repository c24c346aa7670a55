import type { Logger, Watches, WatchPost } from "@catbot/core";
import { type Client, DiscordAPIError, Routes } from "discord.js";
import { renderWatchPost } from "./render/watch.js";
import { describeError } from "./respond.js";

/**
 * Discord's answers that mean the bot can no longer post in a channel: Missing Access, Unknown Channel,
 * and Missing Permissions (it may still see the channel but not send there; retrying every run is futile).
 */
const CHANNEL_GONE = new Set([50001, 10003, 50013]);

/** Whether a send failed because the channel is gone for the bot, so its watches should pause. */
export function isChannelGone(error: unknown): boolean {
	return error instanceof DiscordAPIError && CHANNEL_GONE.has(Number(error.code));
}

/** The channel of a Discord place ("<guildId>:<channelId>"); null for anything else. */
export function channelOfPlace(post: Pick<WatchPost, "place">): string | null {
	const match = /^\d{1,25}:(\d{1,25})$/.exec(post.place.id);
	return post.place.platform === "discord" && match?.[1] ? match[1] : null;
}

/**
 * Posts a watch's message in its channel as an ordinary channel message (the bot is a member there), not
 * as an interaction answer: scheduled runs have no interaction to answer.
 *
 * @throws DiscordAPIError as discord.js gives it; see {@link isChannelGone}.
 */
export async function sendWatchPost(client: Client, post: WatchPost): Promise<void> {
	const channelId = channelOfPlace(post);
	if (!channelId) throw new TypeError(`not a Discord channel place: ${post.place.platform}`);
	const botUserId = client.user?.id ?? client.application?.id ?? "0";
	await client.rest.post(Routes.channelMessages(channelId), { body: renderWatchPost(post, botUserId) });
}

/**
 * Sends a post from a command (the first run of a new watch), as the scheduler would: a channel the bot
 * can no longer post in pauses the place's watches; anything else is logged. Never throws.
 */
export async function deliverNow(client: Client, watches: Watches, post: WatchPost, logger: Logger) {
	try {
		await sendWatchPost(client, post);
	} catch (error) {
		if (isChannelGone(error)) {
			await watches.placeGone(post.place).catch(() => undefined);
			logger.info({ watch: post.watchId }, "channel gone for the bot: its watches are paused");
		} else logger.warn({ err: describeError(error), watch: post.watchId }, "watch post could not be sent");
	}
}
