import { CallbackType, InteractionKind, MessageFlag } from "../constants.js";
import {
	alreadyAcknowledged,
	invalidFormBody,
	invalidResponseType,
	unknownInteraction,
	unknownMessage,
} from "../http/ApiFailure.js";
import type { RestAnswer } from "../http/respond.js";
import type { RestRequest, Route } from "../http/router.js";
import { isJsonObject, type JsonObject } from "../json.js";
import { checkChoices } from "../limits/choiceLimits.js";
import { checkText, createFormErrors } from "../limits/formErrors.js";
import { apiMessage } from "../state/apiMessage.js";
import type { StoredInteraction } from "../state/interactions.js";
import type { MessageInteractionRef, StoredMessage } from "../state/messages.js";
import type { FakeState } from "../state/state.js";
import { recordAttempt } from "./attempts.js";
import { checkMessageEdit, checkNewMessage, requireObject } from "./messageBody.js";

// Which answers fit which interaction: autocomplete only takes choices, only components can update a message.
const ALLOWED: Readonly<Record<number, readonly number[]>> = {
	[InteractionKind.ApplicationCommand]: [
		CallbackType.ChannelMessageWithSource,
		CallbackType.DeferredChannelMessageWithSource,
		CallbackType.Modal,
	],
	[InteractionKind.MessageComponent]: [
		CallbackType.ChannelMessageWithSource,
		CallbackType.DeferredChannelMessageWithSource,
		CallbackType.DeferredUpdateMessage,
		CallbackType.UpdateMessage,
		CallbackType.Modal,
	],
	[InteractionKind.Autocomplete]: [CallbackType.AutocompleteResult],
};

/** The `interaction_metadata` source for messages answering this interaction. */
export function interactionRef(interaction: StoredInteraction): MessageInteractionRef {
	return {
		id: interaction.id,
		type: interaction.type,
		name: interaction.commandName,
		user: interaction.user,
		guildId: interaction.guildId,
		context: interaction.context,
		owners: interaction.owners,
	};
}

function checkModal(data: JsonObject): void {
	const errors = createFormErrors();
	checkText(errors, ["data", "custom_id"], data.custom_id, 100, { min: 1, required: true });
	checkText(errors, ["data", "title"], data.title, 45, { min: 1, required: true });
	if (!errors.isEmpty) throw invalidFormBody(errors.tree());
}

function checkAutocomplete(data: JsonObject): void {
	const errors = createFormErrors();
	checkChoices(errors, ["data", "choices"], data.choices ?? []);
	if (!errors.isEmpty) throw invalidFormBody(errors.tree());
}

/** Creates POST /interactions/:id/:token/callback. */
export function interactionCallbackRoutes(state: FakeState): Route[] {
	function sourceMessage(interaction: StoredInteraction): StoredMessage {
		const message = interaction.sourceMessageId && state.messages.get(interaction.sourceMessageId);
		if (!message) throw unknownMessage();
		return message;
	}

	function newMessage(
		interaction: StoredInteraction,
		data: JsonObject,
		request: RestRequest,
		loading: boolean,
	) {
		const ephemeral = typeof data.flags === "number" && (data.flags & MessageFlag.Ephemeral) !== 0;
		const isCommand = interaction.type === InteractionKind.ApplicationCommand;
		return state.messages.create({
			channelId: interaction.channelId,
			guildId: interaction.guildId,
			source: "interaction-response",
			// 20 is CHAT_INPUT_COMMAND, how Discord types a slash command's response.
			type: isCommand ? 20 : 0,
			visibleTo: ephemeral ? interaction.user.id : undefined,
			interaction: interactionRef(interaction),
			body: data,
			files: loading ? [] : request.files,
			...(loading ? { extraFlags: MessageFlag.Loading } : {}),
		});
	}

	/** Applies an accepted callback; returns the message it concerns, if any. */
	function apply(interaction: StoredInteraction, type: number, data: JsonObject, request: RestRequest) {
		switch (type) {
			case CallbackType.ChannelMessageWithSource:
				checkNewMessage(data, request.files.length, ["data"]);
				return newMessage(interaction, data, request, false);
			case CallbackType.DeferredChannelMessageWithSource:
				return newMessage(interaction, { flags: data.flags }, request, true);
			case CallbackType.DeferredUpdateMessage:
				return sourceMessage(interaction);
			case CallbackType.UpdateMessage: {
				const message = sourceMessage(interaction);
				checkMessageEdit(message, data, request.files.length, ["data"]);
				state.messages.edit(message, data, request.files);
				return message;
			}
			case CallbackType.AutocompleteResult:
				checkAutocomplete(data);
				return undefined;
			case CallbackType.Modal:
				checkModal(data);
				return undefined;
			default:
				throw invalidResponseType();
		}
	}

	function respond(
		interaction: StoredInteraction,
		type: number,
		message: StoredMessage | undefined,
		request: RestRequest,
	): RestAnswer {
		if (request.query.with_response !== "true") return { status: 204 };
		return {
			status: 200,
			body: {
				interaction: {
					id: interaction.id,
					type: interaction.type,
					...(message
						? {
								response_message_id: message.id,
								response_message_loading: (message.flags & MessageFlag.Loading) !== 0,
								response_message_ephemeral: (message.flags & MessageFlag.Ephemeral) !== 0,
							}
						: {}),
				},
				resource: { type, ...(message ? { message: apiMessage(message, state.bot) } : {}) },
			},
		};
	}

	function callback(request: RestRequest): RestAnswer {
		const interaction = state.interactions.get(request.params.id ?? "");
		if (!interaction || interaction.token !== request.params.token) throw unknownInteraction();
		const body = isJsonObject(request.body) ? request.body : {};
		const type = typeof body.type === "number" ? body.type : undefined;
		const data = isJsonObject(body.data) ? body.data : {};
		const push = (outcome: { status: number; accepted: boolean; error?: JsonObject }) => {
			interaction.callbacks.push({
				type,
				data: structuredClone(body.data),
				at: request.at,
				elapsedMs: Math.round(request.arrivedAt - interaction.dispatchedAt),
				...outcome,
			});
			state.waiters.notify();
		};
		const withResponse = request.query.with_response === "true";
		return recordAttempt(push, withResponse ? 200 : 204, () => {
			requireObject(request.body);
			if (interaction.acknowledged) throw alreadyAcknowledged();
			if (request.arrivedAt >= interaction.ackDeadline) throw unknownInteraction(true);
			if (type === undefined || !(ALLOWED[interaction.type] ?? []).includes(type))
				throw invalidResponseType();
			const message = apply(interaction, type, data, request);
			interaction.acknowledged = true;
			interaction.callbackType = type;
			interaction.originalMessageId = message?.id;
			return respond(interaction, type, message, request);
		});
	}

	return [{ method: "POST", pattern: "/interactions/:id/:token/callback", auth: false, handle: callback }];
}
