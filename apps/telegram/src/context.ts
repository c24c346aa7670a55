import type { Actor, Catalog, Logger, Place, Shortlist, Watches } from "@catbot/core";
import type { Context } from "telegraf";
import type { Tasks } from "./tasks.js";

/**
 * What every feature needs: the engine, the chats' shortlists and watches, the logger, and the background
 * task runner.
 */
export interface Deps {
	readonly catalog: Catalog;
	readonly shortlist: Shortlist;
	readonly watches: Watches;
	readonly logger: Logger;
	readonly tasks: Tasks;
}

/** Who is acting in this update, as the engine knows them. */
export function actorOf(ctx: Context): Actor | undefined {
	if (!ctx.from) return undefined;
	return {
		platform: "telegram",
		userId: String(ctx.from.id),
		...(ctx.chat ? { placeId: String(ctx.chat.id) } : {}),
	};
}

/** The chat an update happens in, as the place whose shortlist it uses; none for an inline message. */
export function placeOf(ctx: Context): Place | undefined {
	return ctx.chat ? { platform: "telegram", id: String(ctx.chat.id) } : undefined;
}

/**
 * The name a saved card shows for who saved it: first and last name as the chat shows them, else the
 * username. Core cleans and bounds it.
 */
export function displayName(ctx: Context): string | null {
	if (!ctx.from) return null;
	const name = [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(" ").trim();
	return name || ctx.from.username || null;
}
