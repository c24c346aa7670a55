import { MessageFlag } from "../constants.js";
import { arrayOf, type JsonObject } from "../json.js";
import { checkComponents } from "./componentLimits.js";
import { checkEmbeds } from "./embedLimits.js";
import { checkText, type ErrorPath, type FormErrors } from "./formErrors.js";

/** Characters allowed in a message's `content`. */
export const MESSAGE_CONTENT_LIMIT = 2000;

/** Checks the fields of a message body that are present (creation and edits alike). */
export function checkMessage(
	errors: FormErrors,
	path: ErrorPath,
	body: JsonObject,
	flagsOfMessage = 0,
): void {
	checkText(errors, [...path, "content"], body.content, MESSAGE_CONTENT_LIMIT);
	checkEmbeds(errors, [...path, "embeds"], body.embeds);
	const flags = typeof body.flags === "number" ? body.flags : flagsOfMessage;
	checkComponents(
		errors,
		[...path, "components"],
		body.components,
		(flags & MessageFlag.IsComponentsV2) !== 0,
	);
}

/** True when a new message would show nothing, which Discord refuses with 50006. */
export function isEmptyMessage(body: JsonObject, fileCount: number): boolean {
	const hasContent = typeof body.content === "string" && body.content.trim() !== "";
	return (
		!hasContent &&
		arrayOf(body.embeds).length === 0 &&
		arrayOf(body.components).length === 0 &&
		arrayOf(body.sticker_ids).length === 0 &&
		body.poll === undefined &&
		fileCount === 0
	);
}
