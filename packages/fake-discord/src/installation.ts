import { IntegrationType, InteractionContext } from "./constants.js";
import { arrayOf, type JsonObject } from "./json.js";

/** 0 a server channel, 1 the DM with the app's bot, 2 another DM or a group DM. */
export type InteractionContextType = 0 | 1 | 2;

/**
 * `authorizing_integration_owners`: which installs let the user act here. `"0"` (server install) is the
 * guild's id, or `"0"` in the DM with the bot; `"1"` (user install) is the id of the user who installed
 * the app. Both are present where both apply.
 */
export interface IntegrationOwners {
	readonly "0"?: string;
	readonly "1"?: string;
}

/** Where an interaction happens, as far as installs are concerned. */
export interface InstallPlace {
	readonly context: InteractionContextType;
	readonly guildId: string | undefined;
	/** Whether the guild is one the bot was added to (addGuild). */
	readonly botInGuild: boolean;
}

const SNOWFLAKE = /^\d{1,20}$/;
const CONTEXTS: readonly number[] = Object.values(InteractionContext);

function fail(problem: string): never {
	throw new Error(`Fake Discord: ${problem}`);
}

/** The context a simulated interaction happens in: as given, else a guild's or the bot's DM. */
export function contextOf(given: number | undefined, guildId: string | undefined): InteractionContextType {
	const context = given ?? (guildId === undefined ? InteractionContext.BotDm : InteractionContext.Guild);
	if (!CONTEXTS.includes(context)) fail(`context must be 0, 1 or 2, got ${context}`);
	if ((context === InteractionContext.Guild) !== (guildId !== undefined)) {
		fail(`context ${context} ${guildId === undefined ? "needs" : "cannot have"} a guildId`);
	}
	return context as InteractionContextType;
}

/**
 * The owners of a simulated interaction: as given (checked against where it happens), else the server
 * install. Throws for owners Discord could never send, e.g. a server install in a group DM, or a server
 * install of a guild the bot is not in.
 */
export function ownersOf(place: InstallPlace, given: IntegrationOwners | undefined): IntegrationOwners {
	if (given === undefined) {
		if (place.context === InteractionContext.PrivateChannel) {
			fail("a private channel is reached only through a user install: give authorizingIntegrationOwners");
		}
		if (place.context === InteractionContext.Guild && !place.botInGuild) {
			fail(
				`unknown guild ${place.guildId}: add it first, or give authorizingIntegrationOwners {"1": userId}`,
			);
		}
		return { "0": place.guildId ?? "0" };
	}
	const keys = Object.keys(given);
	if (keys.length === 0 || keys.some((k) => k !== "0" && k !== "1")) {
		fail(`authorizingIntegrationOwners takes the keys "0" and/or "1", got ${JSON.stringify(given)}`);
	}
	const guildOwner = given["0"];
	if (guildOwner !== undefined) {
		const expected = place.context === InteractionContext.BotDm ? "0" : place.guildId;
		if (place.context === InteractionContext.PrivateChannel)
			fail("a server install cannot reach a private channel");
		if (guildOwner !== expected)
			fail(`the server install's owner here is "${expected}", not "${guildOwner}"`);
		if (place.context === InteractionContext.Guild && !place.botInGuild) {
			fail(`a server install of guild ${place.guildId} needs the bot there: add the guild first`);
		}
	}
	const userOwner = given["1"];
	if (userOwner !== undefined && !SNOWFLAKE.test(userOwner))
		fail(`user install owner "${userOwner}" is not a snowflake`);
	return { ...given };
}

/** Where a registered command can be used, with Discord's defaults for what it left out. */
export function commandReach(command: JsonObject): { installs: number[]; contexts: number[] } {
	// Guild commands exist only in their guild, through its server install.
	if (command.guild_id !== undefined) return { installs: [IntegrationType.GuildInstall], contexts: [0] };
	const installs = Array.isArray(command.integration_types)
		? arrayOf(command.integration_types).filter((n): n is number => typeof n === "number")
		: [IntegrationType.GuildInstall];
	// Left out (null), Discord offers a command in servers and the bot's DM, not in other DMs or group DMs,
	// whatever its documentation says (discord-api-docs#6744, #7583).
	const contexts = Array.isArray(command.contexts)
		? arrayOf(command.contexts).filter((n): n is number => typeof n === "number")
		: command.dm_permission === false
			? [InteractionContext.Guild]
			: [InteractionContext.Guild, InteractionContext.BotDm];
	return { installs, contexts };
}

/**
 * The owners Discord sends when this command is run here: only the installs the command supports. Throws
 * when Discord's client would not offer the command here at all, so the bot never sees it.
 */
export function ownersForCommand(
	name: string,
	command: JsonObject,
	context: InteractionContextType,
	owners: IntegrationOwners,
): IntegrationOwners {
	const reach = commandReach(command);
	if (!reach.contexts.includes(context)) {
		fail(`cannot invoke /${name}: its contexts ${JSON.stringify(reach.contexts)} do not include ${context}`);
	}
	const kept = Object.fromEntries(
		Object.entries(owners).filter(([key]) => reach.installs.includes(Number(key))),
	) as IntegrationOwners;
	if (Object.keys(kept).length === 0) {
		fail(
			`cannot invoke /${name}: its integration_types ${JSON.stringify(reach.installs)} include none of the installs here (${Object.keys(owners).join(", ")})`,
		);
	}
	return kept;
}
