import { badRequest } from "../ApiError.js";
import { optionalJson, optionalString, type Params } from "../params.js";
import type { BotCommand } from "../types.js";
import type { MethodContext, MethodHandler } from "./context.js";

const MAX_COMMANDS = 100;

function scopeKey(params: Params): string {
	const scope = optionalJson(params, "scope", "BotCommandScope") ?? { type: "default" };
	return `${JSON.stringify(scope)}|${optionalString(params, "language_code") ?? ""}`;
}

function readCommands(params: Params): BotCommand[] {
	const value = optionalJson(params, "commands", "bot commands");
	if (!Array.isArray(value)) throw badRequest("can't parse bot commands JSON object");
	if (value.length > MAX_COMMANDS) throw badRequest("too many commands specified");
	return value.map((entry: unknown) => {
		const { command, description } = (entry ?? {}) as Record<string, unknown>;
		if (typeof command !== "string" || !/^[a-z0-9_]{1,32}$/.test(command))
			throw badRequest("BOT_COMMAND_INVALID");
		if (typeof description !== "string" || description.trim() === "" || description.length > 256) {
			throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
		}
		return { command, description };
	});
}

const getMe: MethodHandler = ({ fake }) => ({
	...fake.world.bot,
	can_join_groups: true,
	can_read_all_group_messages: false,
	supports_inline_queries: fake.inline.settings.enabled,
	can_connect_to_business: false,
	has_main_web_app: false,
});

const setMyCommands: MethodHandler = ({ fake, params }: MethodContext) => {
	const commands = readCommands(params);
	fake.commands.set(scopeKey(params), commands);
	return true;
};

const getMyCommands: MethodHandler = ({ fake, params }) => fake.commands.get(scopeKey(params)) ?? [];

const deleteMyCommands: MethodHandler = ({ fake, params }) => {
	fake.commands.delete(scopeKey(params));
	return true;
};

/** getMe and the bot command list. */
export const botMethods = { getMe, setMyCommands, getMyCommands, deleteMyCommands };
