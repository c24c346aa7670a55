import * as v from "valibot";

/** An optional whole-number variable with a default, checked against a range; messages name the variable. */
export function envInteger(name: string, fallback: number, min: number, max: number) {
	const message = `${name} must be a whole number from ${min} to ${max}`;
	return v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.regex(/^\d+$/, message),
			v.transform(Number),
			v.minValue(min, message),
			v.maxValue(max, message),
		),
		String(fallback),
	);
}

/**
 * One of a few fixed words, read case-insensitively with surrounding spaces ignored; the message lists the
 * allowed words and never quotes the value.
 */
export function envChoice<const TOptions extends readonly [string, ...string[]]>(
	name: string,
	options: TOptions,
) {
	return v.pipe(
		v.string(),
		v.trim(),
		v.toLowerCase(),
		v.picklist(options, `${name} must be one of ${options.join(", ")}`),
	);
}

/** A comma-separated list of numeric ids (chats, guilds, users). */
export function envIdList(name: string) {
	return v.optional(
		v.pipe(
			v.string(),
			v.transform((text) =>
				text
					.split(/[\s,]+/)
					.map((id) => id.trim())
					.filter(Boolean),
			),
			v.check(
				(ids) => ids.every((id) => /^-?\d{1,25}$/.test(id)),
				`${name} must be a comma-separated list of numeric ids`,
			),
		),
		"",
	);
}

/**
 * A secret such as a bot token: optional to the schema so that a missing and an empty value read the same
 * ("is required"), and a value of the wrong shape says so ("is malformed") instead of calling it missing.
 * Neither message quotes the value.
 */
export function envToken(name: string, shape: RegExp, required: string, malformed: string) {
	return v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.check(
				(value) => shape.test(value),
				(issue) =>
					issue.input === "" ? `${name} is required: ${required}` : `${name} is malformed: ${malformed}`,
			),
		),
		"",
	);
}

/** A URL variable; its messages never quote the value, since a URL may carry a password. */
export function envUrl(name: string, protocols: RegExp, example: string) {
	return v.pipe(
		v.string(),
		v.trim(),
		v.check(
			(value) => URL.canParse(value) && protocols.test(value),
			`${name} must be a URL such as ${example}`,
		),
	);
}
