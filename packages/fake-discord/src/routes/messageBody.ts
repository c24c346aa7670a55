import { emptyMessage, invalidFormBody } from "../http/ApiFailure.js";
import { arrayOf, isJsonObject, type JsonObject } from "../json.js";
import { createFormErrors, type ErrorPath } from "../limits/formErrors.js";
import { checkMessage, isEmptyMessage } from "../limits/messageLimits.js";
import type { StoredMessage } from "../state/messages.js";

/** The body as an object, or Discord's answer to anything else (arrays, strings, nothing). */
export function requireObject(body: unknown, path: ErrorPath = []): JsonObject {
	if (isJsonObject(body)) return body;
	const errors = createFormErrors();
	errors.add(path, { code: "DICT_TYPE_CONVERT", message: "Only dictionaries may be used in a DictType" });
	throw invalidFormBody(errors.tree());
}

/** Checks a new message against Discord's limits; `path` is ["data"] inside an interaction callback. */
export function checkNewMessage(body: JsonObject, fileCount: number, path: ErrorPath = []): void {
	const errors = createFormErrors();
	checkMessage(errors, path, body);
	if (!errors.isEmpty) throw invalidFormBody(errors.tree());
	if (isEmptyMessage(body, fileCount)) throw emptyMessage();
}

/** Checks an edit: the fields sent, and that the message would not end up showing nothing. */
export function checkMessageEdit(
	message: StoredMessage,
	body: JsonObject,
	fileCount: number,
	path: ErrorPath = [],
): void {
	const errors = createFormErrors();
	checkMessage(errors, path, body, message.flags);
	if (!errors.isEmpty) throw invalidFormBody(errors.tree());
	const after: JsonObject = {
		content: "content" in body ? body.content : message.content,
		embeds: "embeds" in body ? body.embeds : message.embeds,
		components: "components" in body ? body.components : message.components,
	};
	const keptFiles = Array.isArray(body.attachments)
		? arrayOf(body.attachments).length
		: message.attachments.length;
	if (isEmptyMessage(after, fileCount + keptFiles)) throw emptyMessage();
}
