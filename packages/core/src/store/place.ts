import * as v from "valibot";
import { PLATFORMS } from "../access/actor.js";

/** Longest place id the store accepts; a Discord guild and channel snowflake pair fits with room. */
export const PLACE_ID_MAX_LENGTH = 100;

/**
 * Where shared data belongs: a Telegram chat (`id` is the chat id), a Discord server's channel (`id` is
 * `<guildId>:<channelId>`, so two channels of one server keep apart lists), or a terminal session.
 */
export const PlaceSchema = v.object({
	platform: v.picklist(PLATFORMS),
	id: v.pipe(
		v.string(),
		v.regex(
			new RegExp(`^[\\w:.-]{1,${PLACE_ID_MAX_LENGTH}}$`),
			`place id must be 1 to ${PLACE_ID_MAX_LENGTH} letters, digits, or _ : . -`,
		),
	),
});
/** A place: one chat, one Discord channel. */
export type Place = v.InferOutput<typeof PlaceSchema>;

/**
 * The place of a Discord channel in a server.
 *
 * @example
 * discordChannelPlace("1100000000000000000", "1200000000000000000");
 * // { platform: "discord", id: "1100000000000000000:1200000000000000000" }
 */
export function discordChannelPlace(guildId: string, channelId: string): Place {
	return { platform: "discord", id: `${guildId}:${channelId}` };
}
