import { type Refusal, sentence } from "@catbot/core";

export { sentence };

/**
 * Upstream text made safe for one terminal line: runs of whitespace (newlines, tabs) become one space and
 * control characters go, so a listing cannot move the cursor, recolour the terminal or break a table row.
 */
export function clean(text: string): string {
	return text
		.replace(/\s+/g, " ")
		.replace(/\p{Cc}/gu, "")
		.trim();
}

/** A refusal's message in sentences: one problem as one sentence, several as a list of them. */
export function refusalText(refusal: Refusal): string {
	if (refusal.kind !== "invalid") return sentence(refusal.message);
	const problems = refusal.problems.map(sentence);
	if (problems.length === 1) return problems[0] as string;
	return ["Please fix these:", ...problems.map((p) => `• ${p}`)].join("\n");
}
