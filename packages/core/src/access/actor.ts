import * as v from "valibot";

/** Chat platforms the engine serves. */
export const PLATFORMS = ["telegram", "discord", "cli"] as const;

/**
 * Who is acting, and where: a Telegram user in a chat, a Discord user in a guild (or a DM, no guild).
 * Ids are strings because Discord snowflakes do not fit a JavaScript number.
 */
export const ActorSchema = v.object({
	platform: v.picklist(PLATFORMS),
	userId: v.pipe(v.string(), v.regex(/^-?\d{1,25}$|^[\w.-]{1,64}$/)),
	/** Telegram chat id, or Discord guild id; absent in a Discord DM or the terminal. */
	placeId: v.optional(v.pipe(v.string(), v.regex(/^-?\d{1,25}$/))),
});
export type Actor = v.InferOutput<typeof ActorSchema>;

/** The key limits are counted under: one person on one platform, wherever they act. */
export function actorKey(actor: Actor): string {
	return `${actor.platform}:${actor.userId}`;
}
