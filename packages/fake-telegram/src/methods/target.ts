import { badRequest } from "../ApiError.js";
import {
	CHAT_NOT_FOUND,
	INLINE_MESSAGES_UNSUPPORTED,
	MESSAGE_CANT_BE_EDITED,
	MESSAGE_TO_EDIT_NOT_FOUND,
} from "../descriptions.js";
import { optionalString, requiredChatId, requiredMessageId } from "../params.js";
import type { StoredMessage } from "../state.js";
import type { Chat } from "../types.js";
import type { MethodContext } from "./context.js";

/** The chat a call names; unknown chats get Telegram's "chat not found". */
export function resolveChat({ fake, params }: Pick<MethodContext, "fake" | "params">): Chat {
	const chat = fake.world.chat(requiredChatId(params));
	if (!chat) throw badRequest(CHAT_NOT_FOUND);
	return chat;
}

/** The bot message an edit names, refused the way Telegram refuses edits of missing or foreign messages. */
export function editableMessage(context: Pick<MethodContext, "fake" | "params">): {
	chat: Chat;
	stored: StoredMessage;
} {
	// Inline-mode messages live outside any chat the fake models.
	if (optionalString(context.params, "inline_message_id") !== undefined)
		throw badRequest(INLINE_MESSAGES_UNSUPPORTED);
	const chat = resolveChat(context);
	const stored = context.fake.world.message(chat.id, requiredMessageId(context.params));
	if (!stored || stored.deleted) throw badRequest(MESSAGE_TO_EDIT_NOT_FOUND);
	if (!stored.fromBot) throw badRequest(MESSAGE_CANT_BE_EDITED);
	return { chat, stored };
}
