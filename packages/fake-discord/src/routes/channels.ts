import { MessageFlag } from "../constants.js";
import { missingAccess, unknownChannel, unknownMessage } from "../http/ApiFailure.js";
import type { RestAnswer } from "../http/respond.js";
import type { RestRequest, Route } from "../http/router.js";
import { apiChannel } from "../state/apiGuild.js";
import { apiMessage } from "../state/apiMessage.js";
import type { FakeChannel } from "../state/guilds.js";
import type { StoredMessage } from "../state/messages.js";
import type { FakeState } from "../state/state.js";
import { checkMessageEdit, checkNewMessage, requireObject } from "./messageBody.js";

/**
 * Creates the channel routes a bot uses to post outside interactions: GET channel, and messages CRUD. In a
 * channel the bot is not in (reached only through a user install) every one answers 403 Missing Access, as
 * Discord does: there, only the interaction's callback and webhook can post.
 */
export function channelRoutes(state: FakeState): Route[] {
	function channelOf(request: RestRequest): FakeChannel {
		const channel = state.guilds.channel(request.params.channel ?? "");
		if (!channel) throw unknownChannel();
		if (!channel.botMember) throw missingAccess();
		return channel;
	}

	// Ephemeral messages exist only for their user: the channel routes cannot see them.
	function messageOf(request: RestRequest): StoredMessage {
		const channel = channelOf(request);
		const message = state.messages.get(request.params.message ?? "");
		if (!message || message.channelId !== channel.id || message.visibleTo !== undefined)
			throw unknownMessage();
		return message;
	}

	function create(request: RestRequest): RestAnswer {
		const channel = channelOf(request);
		const body = requireObject(request.body);
		checkNewMessage(body, request.files.length);
		const message = state.messages.create({
			channelId: channel.id,
			guildId: channel.guildId,
			source: "channel",
			type: 0,
			visibleTo: undefined,
			interaction: undefined,
			body: {
				...body,
				flags: typeof body.flags === "number" ? body.flags & ~MessageFlag.Ephemeral : body.flags,
			},
			files: request.files,
		});
		state.waiters.notify();
		return { status: 200, body: apiMessage(message, state.bot) };
	}

	function edit(request: RestRequest): RestAnswer {
		const message = messageOf(request);
		const body = requireObject(request.body);
		checkMessageEdit(message, body, request.files.length);
		state.messages.edit(message, body, request.files);
		state.waiters.notify();
		return { status: 200, body: apiMessage(message, state.bot) };
	}

	function remove(request: RestRequest): RestAnswer {
		state.messages.remove(messageOf(request));
		state.waiters.notify();
		return { status: 204 };
	}

	const messages = "/channels/:channel/messages";
	return [
		{
			method: "GET",
			pattern: "/channels/:channel",
			auth: true,
			handle: (r) => ({ status: 200, body: apiChannel(channelOf(r)) }),
		},
		{ method: "POST", pattern: messages, auth: true, handle: create },
		{
			method: "GET",
			pattern: `${messages}/:message`,
			auth: true,
			handle: (r) => ({ status: 200, body: apiMessage(messageOf(r), state.bot) }),
		},
		{ method: "PATCH", pattern: `${messages}/:message`, auth: true, handle: edit },
		{ method: "DELETE", pattern: `${messages}/:message`, auth: true, handle: remove },
	];
}
