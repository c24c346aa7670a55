import {
	BARE_1688_URL,
	FLAG_FIELDS,
	type FlagOption,
	INTEGER,
	type OptionName,
	PRICE,
	URL_CATEGORY_PARAMS,
	URL_START,
} from "./aliases.js";
import { didYouMean } from "./suggest.js";

// Small readers of single words, shared by the command reader and its problems.

/** Flags take no value: `free_shipping` alone means yes. */
export function isFlag(option: OptionName): option is FlagOption {
	return option in FLAG_FIELDS;
}

/** "Free-Shipping", "free_shipping" and "freeshipping" are one key to a person, so compare them as one. */
export function compact(word: string): string {
	return word.replace(/[-_.]/g, "");
}

/** Quote user text in a problem, cut short so a pasted essay does not come back whole. */
export function quote(text: string): string {
	const chars = Array.from(text);
	return `'${chars.length > 40 ? `${chars.slice(0, 39).join("")}…` : text}'`;
}

/** Best did-you-mean among `candidates`, comparing compacted forms and answering with the spelling shown. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
	const byCompact = new Map<string, string>();
	for (const candidate of candidates) {
		const key = compact(candidate);
		if (!byCompact.has(key)) byCompact.set(key, candidate);
	}
	const match = didYouMean(compact(word), byCompact.keys());
	return match === undefined ? undefined : byCompact.get(match);
}

/** The problem for a word that is not a known option or value, with a did-you-mean when one is close. */
export function unknown(kind: string, word: string, candidates: readonly string[], fallback = ""): string {
	const match = suggest(word, candidates);
	if (match !== undefined) return `Unknown ${kind} ${quote(word)}. Did you mean '${match}'?`;
	return `Unknown ${kind} ${quote(word)}${fallback}`;
}

/** A pasted link, with or without its scheme. */
export function looksLikeUrl(word: string): boolean {
	return URL_START.test(word) || BARE_1688_URL.test(word);
}

export function toInteger(text: string): number | string {
	// Anything else goes to the schema as text, which answers with the field's own message.
	return INTEGER.test(text) ? Number(text) : text;
}

/** A price's number, without the ¥ or 元 people type; anything else stays text for the schema to refuse. */
export function toPrice(text: string): number | string {
	const digits = PRICE.exec(text)?.[1];
	return digits === undefined ? text : Number(digits);
}

/** Category ids found in a link's query string or fragment ("#/...?categoryId=1"). */
export function categoryIdsInUrl(url: string): Set<string> {
	const ids = new Set<string>();
	const start = url.search(/[?#]/);
	if (start === -1) return ids;
	for (const pair of url.slice(start + 1).split(/[?&#;]/)) {
		const equals = pair.indexOf("=");
		if (equals === -1) continue;
		const value = pair.slice(equals + 1);
		if (URL_CATEGORY_PARAMS.has(compact(pair.slice(0, equals))) && INTEGER.test(value)) ids.add(value);
	}
	return ids;
}

/** The host of a link, without user info or port, so "1688.com@evil.example" is seen as evil.example. */
export function hostOf(url: string): string {
	const authority = url.replace(/^https?:\/\//, "").split(/[/?#]/)[0] ?? "";
	return (authority.split("@").pop() ?? "").split(":")[0] ?? "";
}
