import type { Actor, Catalog, Logger } from "@catbot/core";
import type { Context } from "telegraf";
import type { Tasks } from "./tasks.js";

/** What every feature needs: the engine, the logger, and the background task runner. */
export interface Deps {
	readonly catalog: Catalog;
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
