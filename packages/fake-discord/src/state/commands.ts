import { isJsonObject, type JsonObject } from "../json.js";
import type { SnowflakeFactory } from "../snowflake.js";

/** An application command as Discord returns it: the definition plus id, version and scope. */
export interface RegisteredCommand {
	readonly id: string;
	readonly application_id: string;
	/** Present for guild commands only. */
	readonly guild_id?: string;
	/** Changes whenever the definition changes; a bulk overwrite with the same definitions keeps it. */
	readonly version: string;
	readonly type: number;
	readonly name: string;
	readonly description: string;
	readonly options?: readonly JsonObject[];
	readonly default_member_permissions: string | null;
	readonly nsfw: boolean;
	/**
	 * Installs the command is offered through (0 server, 1 user). Without it the fake stores [0], as for an
	 * app with only the server install enabled, so a bot that forgets it cannot be run through a user install.
	 */
	readonly integration_types: readonly number[];
	/**
	 * Where it can be run (0 server, 1 the bot's DM, 2 other DMs and group DMs). Null when left out, which
	 * Discord treats as servers and the bot's DM only.
	 */
	readonly contexts: readonly number[] | null;
	readonly [key: string]: unknown;
}

/** The global commands (guildId undefined) or one guild's. */
export type CommandScope = string | undefined;

/** The registered commands of one application. */
export interface CommandStore {
	list(scope: CommandScope): readonly RegisteredCommand[];
	all(): readonly RegisteredCommand[];
	/** Replaces the scope's commands: same (type, name) keeps its id, unchanged definitions keep their version. */
	overwrite(scope: CommandScope, definitions: readonly JsonObject[]): readonly RegisteredCommand[];
	/** Creates, or overwrites the command of the same (type, name), as POST does. */
	upsert(scope: CommandScope, definition: JsonObject): { command: RegisteredCommand; created: boolean };
	get(scope: CommandScope, id: string): RegisteredCommand | undefined;
	/** Applies the fields present; undefined when the id is unknown. */
	patch(scope: CommandScope, id: string, changes: JsonObject): RegisteredCommand | undefined;
	remove(scope: CommandScope, id: string): boolean;
	/** The command a user would invoke by that name in that guild: the guild's first, then the global one. */
	find(name: string, guildId: string | undefined, type?: number): RegisteredCommand | undefined;
}

// Fields a bot defines; everything else (id, version...) is Discord's.
const DEFINITION_KEYS = [
	"type",
	"name",
	"name_localizations",
	"description",
	"description_localizations",
	"options",
	"default_member_permissions",
	"dm_permission",
	"nsfw",
	"contexts",
	"integration_types",
	"handler",
] as const;

function definitionOf(source: JsonObject): JsonObject {
	const definition: JsonObject = {
		type: 1,
		description: "",
		default_member_permissions: null,
		nsfw: false,
		integration_types: [0],
		contexts: null,
	};
	for (const key of DEFINITION_KEYS) {
		if (source[key] !== undefined) definition[key] = structuredClone(source[key]);
	}
	// Discord answers absent and null alike with its default.
	if (definition.integration_types === null) definition.integration_types = [0];
	return definition;
}

// Key order differs between a bot's builder output and what was stored; compare canonical JSON.
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
	if (isJsonObject(value)) {
		const keys = Object.keys(value)
			.filter((k) => value[k] !== undefined)
			.sort();
		return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
	}
	return JSON.stringify(value);
}

/** Creates an empty store for one application. */
export function createCommandStore(applicationId: string, nextId: SnowflakeFactory): CommandStore {
	const scopes = new Map<CommandScope, RegisteredCommand[]>();
	const listOf = (scope: CommandScope): RegisteredCommand[] => scopes.get(scope) ?? [];

	function build(
		scope: CommandScope,
		definition: JsonObject,
		previous?: RegisteredCommand,
	): RegisteredCommand {
		const same = previous !== undefined && canonical(definitionOf(previous)) === canonical(definition);
		// definitionOf() filled type, description, default_member_permissions, nsfw and the contexts in.
		return {
			...definition,
			id: previous?.id ?? nextId(),
			application_id: applicationId,
			...(scope !== undefined ? { guild_id: scope } : {}),
			version: same && previous ? previous.version : nextId(),
		} as RegisteredCommand;
	}

	const keyOf = (c: { type?: unknown; name?: unknown }) => `${String(c.type ?? 1)}:${String(c.name)}`;

	return {
		list: (scope) => structuredClone(listOf(scope)),
		all: () => structuredClone([...scopes.values()].flat()),
		overwrite(scope, definitions) {
			const previous = new Map(listOf(scope).map((c) => [keyOf(c), c]));
			const next = definitions.map((raw) => {
				const definition = definitionOf(raw);
				return build(scope, definition, previous.get(keyOf(definition)));
			});
			scopes.set(scope, next);
			return structuredClone(next);
		},
		upsert(scope, raw) {
			const definition = definitionOf(raw);
			const list = listOf(scope);
			const index = list.findIndex((c) => keyOf(c) === keyOf(definition));
			const command = build(scope, definition, list[index]);
			if (index >= 0) list[index] = command;
			else list.push(command);
			scopes.set(scope, list);
			return { command: structuredClone(command), created: index < 0 };
		},
		get(scope, id) {
			const command = listOf(scope).find((c) => c.id === id);
			return command && structuredClone(command);
		},
		patch(scope, id, changes) {
			const list = listOf(scope);
			const index = list.findIndex((c) => c.id === id);
			const current = list[index];
			if (!current) return undefined;
			const definition = definitionOf({ ...definitionOf(current), ...changes, type: current.type });
			const command = build(scope, definition, current);
			list[index] = command;
			return structuredClone(command);
		},
		remove(scope, id) {
			const list = listOf(scope);
			const next = list.filter((c) => c.id !== id);
			scopes.set(scope, next);
			return next.length !== list.length;
		},
		find(name, guildId, type = 1) {
			const match = (c: RegisteredCommand) => c.name === name && c.type === type;
			const command =
				(guildId !== undefined ? listOf(guildId).find(match) : undefined) ?? listOf(undefined).find(match);
			return command && structuredClone(command);
		},
	};
}
