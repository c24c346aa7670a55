import { ComponentKind, InteractionContext, InteractionKind } from "../constants.js";
import type { Gateway } from "../gateway/gateway.js";
import { ownersForCommand } from "../installation.js";
import { arrayOf, isJsonObject, type JsonObject } from "../json.js";
import { apiMessage } from "../state/apiMessage.js";
import type { StoredMessage } from "../state/messages.js";
import type { FakeState } from "../state/state.js";
import { createInteractionToken } from "../tokens.js";
import { checkInvocation } from "./commandInvocation.js";
import { findComponent } from "./componentLookup.js";
import { createInteractionHandle, type HandleTiming, type InteractionHandle } from "./InteractionHandle.js";
import type {
	AutocompleteInput,
	CommandOptionInput,
	ComponentInput,
	InteractionContextInput,
	RunCommandInput,
	SelectMenuInput,
} from "./inputs.js";
import { interactionPayload } from "./interactionPayload.js";
import { type ResolvedPlace, resolvePlace } from "./place.js";

/** Simulated users: each method dispatches one INTERACTION_CREATE to the connected bot. */
export interface Simulator {
	runCommand(input: RunCommandInput): Promise<InteractionHandle>;
	autocomplete(input: AutocompleteInput): Promise<InteractionHandle>;
	pressButton(input: ComponentInput): Promise<InteractionHandle>;
	selectMenu(input: SelectMenuInput): Promise<InteractionHandle>;
}

/** What simulating needs besides the state. */
export interface SimulatorOptions extends HandleTiming {
	readonly state: FakeState;
	readonly gateway: Gateway;
	/** Refuse commands that were never registered, instead of sending them with a made-up id. */
	readonly strictCommands: boolean;
}

const SELECTS: ReadonlySet<unknown> = new Set([
	ComponentKind.StringSelect,
	ComponentKind.UserSelect,
	ComponentKind.RoleSelect,
	ComponentKind.MentionableSelect,
	ComponentKind.ChannelSelect,
]);

function fail(problem: string): never {
	throw new Error(`Fake Discord: ${problem}`);
}

/** Creates the simulated users of one fake. */
export function createSimulator(options: SimulatorOptions): Simulator {
	const { state, gateway } = options;
	// Unregistered commands get one stable made-up id per name, as a registered one would have.
	const madeUpIds = new Map<string, string>();

	async function dispatch(
		type: number,
		where: ResolvedPlace,
		context: InteractionContextInput,
		data: JsonObject,
		extra: { commandName?: string; message?: StoredMessage } = {},
	): Promise<InteractionHandle> {
		const { guild, guildId, channel } = where;
		await state.waiters.until(
			() => gateway.sessionFor(guildId),
			options.waitTimeoutMs,
			"a bot connected to the gateway (log a client in first)",
		);
		const id = state.nextId();
		const token = createInteractionToken(id);
		const payload = interactionPayload(
			{
				id,
				token,
				applicationId: state.bot.applicationId,
				type,
				user: context.user,
				guild,
				guildId,
				channel,
				context: where.context,
				owners: where.owners,
				locale: context.locale,
				appPermissions: context.appPermissions,
				memberPermissions: context.memberPermissions,
			},
			data,
			extra.message && apiMessage(extra.message, state.bot),
		);
		const interaction = state.interactions.create({
			id,
			token,
			type,
			commandName: extra.commandName,
			user: context.user,
			guildId,
			channelId: channel.id,
			context: where.context,
			owners: where.owners,
			payload,
			sourceMessageId: extra.message?.id,
		});
		if (!gateway.dispatch("INTERACTION_CREATE", payload, guildId))
			fail("the bot disconnected before dispatch");
		return createInteractionHandle(interaction, state, options);
	}

	/** The command's data, and where it runs: Discord sends only the installs the command supports. */
	function command(
		input: RunCommandInput,
		autocomplete: boolean,
	): { data: JsonObject; where: ResolvedPlace } {
		const registered = state.commands.find(input.name, input.guildId);
		if (!registered && options.strictCommands) fail(`command /${input.name} is not registered`);
		const resolved = resolvePlace(state.guilds, input);
		const where = registered
			? { ...resolved, owners: ownersForCommand(input.name, registered, resolved.context, resolved.owners) }
			: resolved;
		const givenOptions: readonly CommandOptionInput[] = input.options ?? [];
		checkInvocation(input.name, givenOptions, registered, autocomplete);
		let id = registered?.id ?? madeUpIds.get(input.name);
		if (id === undefined) {
			id = state.nextId();
			madeUpIds.set(input.name, id);
		}
		const data = {
			id,
			name: input.name,
			type: 1,
			...(registered?.guild_id !== undefined ? { guild_id: registered.guild_id } : {}),
			...(givenOptions.length > 0 ? { options: structuredClone(givenOptions) } : {}),
		};
		return { data, where };
	}

	function componentTarget(input: ComponentInput) {
		const id = typeof input.message === "string" ? input.message : input.message.id;
		const message =
			state.messages.get(id) ?? fail(`message ${id} does not exist (deleted, or not the bot's)`);
		if (message.visibleTo !== undefined && message.visibleTo !== input.user.id) {
			fail(`message ${id} is ephemeral and only user ${message.visibleTo} can see it`);
		}
		if (input.channelId !== undefined && input.channelId !== message.channelId) {
			fail(`message ${id} is in channel ${message.channelId}, not ${input.channelId}`);
		}
		const component =
			findComponent(message.components, input.customId) ??
			fail(`message ${id} has no component with custom_id "${input.customId}"`);
		if (component.disabled === true) fail(`component "${input.customId}" is disabled`);
		const context: InteractionContextInput = {
			...input,
			channelId: message.channelId,
			...(message.guildId !== undefined ? { guildId: message.guildId } : {}),
		};
		// A channel post exists only where the bot is: its server install.
		const inherited = message.interaction ?? {
			context: message.guildId === undefined ? InteractionContext.BotDm : InteractionContext.Guild,
			owners: { "0": message.guildId ?? "0" },
		};
		const where = resolvePlace(state.guilds, context, inherited);
		return { message, component, context, where };
	}

	function checkValues(component: JsonObject, values: readonly string[], customId: string): void {
		const min = typeof component.min_values === "number" ? component.min_values : 1;
		const max = typeof component.max_values === "number" ? component.max_values : 1;
		if (values.length < min || values.length > max) fail(`select "${customId}" takes ${min}..${max} values`);
		if (new Set(values).size !== values.length) fail(`select "${customId}" got duplicate values`);
		if (component.type !== ComponentKind.StringSelect) return;
		const offered = new Set(
			arrayOf(component.options)
				.filter(isJsonObject)
				.map((o) => o.value),
		);
		const unknown = values.filter((v) => !offered.has(v));
		if (unknown.length > 0) fail(`select "${customId}" has no option ${JSON.stringify(unknown)}`);
	}

	return {
		async runCommand(input) {
			const { data, where } = command(input, false);
			return dispatch(InteractionKind.ApplicationCommand, where, input, data, { commandName: input.name });
		},
		async autocomplete(input) {
			const { data, where } = command(input, true);
			return dispatch(InteractionKind.Autocomplete, where, input, data, { commandName: input.name });
		},
		async pressButton(input) {
			const { message, component, context, where } = componentTarget(input);
			if (component.type !== ComponentKind.Button) fail(`"${input.customId}" is not a button`);
			const data = { custom_id: input.customId, component_type: ComponentKind.Button };
			return dispatch(InteractionKind.MessageComponent, where, context, data, { message });
		},
		async selectMenu(input) {
			const { message, component, context, where } = componentTarget(input);
			if (!SELECTS.has(component.type)) fail(`"${input.customId}" is not a select menu`);
			checkValues(component, input.values, input.customId);
			const data = { custom_id: input.customId, component_type: component.type, values: [...input.values] };
			return dispatch(InteractionKind.MessageComponent, where, context, data, { message });
		},
	};
}
