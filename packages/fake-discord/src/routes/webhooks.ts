import { MessageFlag } from "../constants.js";
import { invalidWebhookToken, unknownMessage, unknownWebhook } from "../http/ApiFailure.js";
import type { RestAnswer } from "../http/respond.js";
import type { RestRequest, Route } from "../http/router.js";
import type { JsonObject } from "../json.js";
import { apiMessage } from "../state/apiMessage.js";
import type { StoredInteraction } from "../state/interactions.js";
import type { StoredMessage } from "../state/messages.js";
import type { FakeState } from "../state/state.js";
import { recordAttempt } from "./attempts.js";
import { interactionRef } from "./interactionCallback.js";
import { checkMessageEdit, checkNewMessage, requireObject } from "./messageBody.js";

const ORIGINAL = "@original";

/** Creates the interaction webhook routes: follow-ups, and GET/PATCH/DELETE of the original and follow-ups. */
export function webhookRoutes(state: FakeState): Route[] {
	function tokenOwner(request: RestRequest): StoredInteraction {
		if (request.params.app !== state.bot.applicationId) throw unknownWebhook();
		const interaction = state.interactions.byToken(request.params.token ?? "");
		if (!interaction) throw unknownWebhook();
		return interaction;
	}

	function checkUsable(interaction: StoredInteraction, request: RestRequest): StoredInteraction {
		if (request.arrivedAt >= interaction.tokenDeadline) throw invalidWebhookToken();
		// Until the first callback the webhook does not exist; after 3 s without one, it never will.
		if (!interaction.acknowledged) throw unknownWebhook();
		return interaction;
	}

	const interactionOf = (request: RestRequest) => checkUsable(tokenOwner(request), request);

	function messageOf(interaction: StoredInteraction, ref: string): StoredMessage {
		const id = ref === ORIGINAL ? interaction.originalMessageId : ref;
		const ours =
			id !== undefined && (id === interaction.originalMessageId || interaction.followupIds.includes(id));
		const message = ours ? state.messages.get(id) : undefined;
		if (!message) throw unknownMessage();
		return message;
	}

	function followup(request: RestRequest): RestAnswer {
		const interaction = interactionOf(request);
		const body = requireObject(request.body);
		checkNewMessage(body, request.files.length);
		const original = interaction.originalMessageId && state.messages.get(interaction.originalMessageId);
		let message: StoredMessage;
		if (original && (original.flags & MessageFlag.Loading) !== 0) {
			// Discord's quirk: the first follow-up after a deferred reply fills the "thinking" message in,
			// keeping the deferral's visibility whatever flags the follow-up asks for.
			state.messages.edit(original, body, request.files);
			message = original;
		} else {
			const ephemeral = typeof body.flags === "number" && (body.flags & MessageFlag.Ephemeral) !== 0;
			message = state.messages.create({
				channelId: interaction.channelId,
				guildId: interaction.guildId,
				source: "followup",
				type: 0,
				visibleTo: ephemeral ? interaction.user.id : undefined,
				interaction: interactionRef(interaction),
				body,
				files: request.files,
			});
			interaction.followupIds.push(message.id);
		}
		state.waiters.notify();
		// Like Discord, the message comes back only with ?wait=true (discord.js always asks for it).
		return request.query.wait === "true"
			? { status: 200, body: apiMessage(message, state.bot) }
			: { status: 204 };
	}

	function fetch(request: RestRequest): RestAnswer {
		const message = messageOf(interactionOf(request), request.params.message ?? "");
		return { status: 200, body: apiMessage(message, state.bot) };
	}

	function edit(request: RestRequest): RestAnswer {
		const interaction = tokenOwner(request);
		const ref = request.params.message ?? "";
		const push = (outcome: { status: number; accepted: boolean; error?: JsonObject }) => {
			const messageId = ref === ORIGINAL ? (interaction.originalMessageId ?? ORIGINAL) : ref;
			interaction.edits.push({ messageId, body: structuredClone(request.body), at: request.at, ...outcome });
			state.waiters.notify();
		};
		return recordAttempt(push, 200, () => {
			checkUsable(interaction, request);
			const message = messageOf(interaction, ref);
			const body = requireObject(request.body);
			checkMessageEdit(message, body, request.files.length);
			state.messages.edit(message, body, request.files);
			return { status: 200, body: apiMessage(message, state.bot) };
		});
	}

	function remove(request: RestRequest): RestAnswer {
		const interaction = interactionOf(request);
		state.messages.remove(messageOf(interaction, request.params.message ?? ""));
		state.waiters.notify();
		return { status: 204 };
	}

	const base = "/webhooks/:app/:token";
	const one = `${base}/messages/:message`;
	return [
		{ method: "POST", pattern: base, auth: false, handle: followup },
		{ method: "GET", pattern: one, auth: false, handle: fetch },
		{ method: "PATCH", pattern: one, auth: false, handle: edit },
		{ method: "DELETE", pattern: one, auth: false, handle: remove },
	];
}
