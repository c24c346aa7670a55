import type { SnowflakeFactory } from "../snowflake.js";
import type { Waiters } from "../waiters.js";
import type { BotIdentity } from "./apiMessage.js";
import type { CommandStore } from "./commands.js";
import type { GuildRegistry } from "./guilds.js";
import type { InteractionRegistry } from "./interactions.js";
import type { MessageStore } from "./messages.js";

/** Everything one fake knows, shared by its REST routes and its simulated users. */
export interface FakeState {
	readonly token: string;
	readonly bot: BotIdentity;
	readonly nextId: SnowflakeFactory;
	readonly guilds: GuildRegistry;
	readonly messages: MessageStore;
	readonly commands: CommandStore;
	readonly interactions: InteractionRegistry;
	readonly waiters: Waiters;
}
