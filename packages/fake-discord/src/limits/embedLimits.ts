import { arrayOf, isJsonObject, type JsonObject } from "../json.js";
import { checkText, type ErrorPath, type FormErrors, maxLengthError, textLength } from "./formErrors.js";

/** Discord's documented embed limits. */
export const EMBED_LIMITS = {
	perMessage: 10,
	title: 256,
	description: 4096,
	fields: 25,
	fieldName: 256,
	fieldValue: 1024,
	footerText: 2048,
	authorName: 256,
	/** Across every embed of one message: titles, descriptions, field names and values, footers, authors. */
	totalCharacters: 6000,
} as const;

function textOf(value: unknown): number {
	return typeof value === "string" ? textLength(value) : 0;
}

/** The characters of one embed that count towards the 6000 limit. */
export function embedTextLength(embed: JsonObject): number {
	let total = textOf(embed.title) + textOf(embed.description);
	for (const field of arrayOf(embed.fields)) {
		if (isJsonObject(field)) total += textOf(field.name) + textOf(field.value);
	}
	if (isJsonObject(embed.footer)) total += textOf(embed.footer.text);
	if (isJsonObject(embed.author)) total += textOf(embed.author.name);
	return total;
}

function checkEmbed(errors: FormErrors, path: ErrorPath, embed: JsonObject): void {
	checkText(errors, [...path, "title"], embed.title, EMBED_LIMITS.title);
	checkText(errors, [...path, "description"], embed.description, EMBED_LIMITS.description);
	const fields = arrayOf(embed.fields);
	if (fields.length > EMBED_LIMITS.fields)
		errors.add([...path, "fields"], maxLengthError(EMBED_LIMITS.fields));
	fields.forEach((field, index) => {
		const at = [...path, "fields", index];
		const entry = isJsonObject(field) ? field : {};
		checkText(errors, [...at, "name"], entry.name, EMBED_LIMITS.fieldName, { required: true });
		checkText(errors, [...at, "value"], entry.value, EMBED_LIMITS.fieldValue, { required: true });
	});
	if (isJsonObject(embed.footer)) {
		checkText(errors, [...path, "footer", "text"], embed.footer.text, EMBED_LIMITS.footerText, {
			required: true,
		});
	}
	if (isJsonObject(embed.author)) {
		checkText(errors, [...path, "author", "name"], embed.author.name, EMBED_LIMITS.authorName, {
			required: true,
		});
	}
}

/** Checks a message's `embeds` (absent or null is fine) against {@link EMBED_LIMITS}. */
export function checkEmbeds(errors: FormErrors, path: ErrorPath, embeds: unknown): void {
	if (embeds === undefined || embeds === null) return;
	const list = arrayOf(embeds);
	if (list.length > EMBED_LIMITS.perMessage) errors.add(path, maxLengthError(EMBED_LIMITS.perMessage));
	let total = 0;
	list.forEach((embed, index) => {
		if (!isJsonObject(embed)) return;
		checkEmbed(errors, [...path, index], embed);
		total += embedTextLength(embed);
	});
	if (total > EMBED_LIMITS.totalCharacters) {
		errors.add(path, {
			code: "MAX_EMBED_SIZE_EXCEEDED",
			message: `Embed size exceeds maximum size of ${EMBED_LIMITS.totalCharacters}`,
		});
	}
}
