import { CATEGORY_TREE, type CategoryNode, TOP_LEVEL_CATEGORY_IDS } from "./categories.js";
import { mainProductOf } from "./items.js";
import { createRandom, mixSeed } from "./random.js";
import { LANGUAGES, PRODUCTS, type Word, wordIn } from "./vocabulary.js";

/** A category a keyword's results fall in, with the product most of those items are about. */
export interface KeywordCategory {
	readonly catId: number;
	/** The product word titles mostly use, or undefined to draw from the category's whole vocabulary. */
	readonly product: Word | undefined;
}

/** How a keyword is compared: Unicode width folded (NFKC), lower case, single spaces, trimmed. */
export function normalizeKeyword(keyword: string): string {
	return keyword.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** FNV-1a over UTF-16 code units: a stable 32-bit number for any text, to seed a keyword's data. */
export function hashText(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return hash;
}

const MAX_CATEGORIES = 3;
// Scripts written without spaces between words match anywhere; others need a word boundary (an English
// plural "s"/"es" allowed), so "bra" does not match "brand".
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const LEAVES: readonly CategoryNode[] = [...CATEGORY_TREE.values()].filter((n) => n.childIds.length === 0);

function leavesUnder(node: CategoryNode): CategoryNode[] {
	if (node.childIds.length === 0) return [node];
	return node.childIds.flatMap((id) => {
		const child = CATEGORY_TREE.get(id);
		return child ? leavesUnder(child) : [];
	});
}

function leafEntry(leaf: CategoryNode): KeywordCategory {
	return { catId: leaf.id, product: mainProductOf(leaf.id) };
}

// Search terms (lower case) and the categories they point at: category names (and their parts, as in
// "睡衣/家居服") lead to the category's leaves; product words, in every language, to the leaf that sells
// mostly them, or else to their top-level category.
function buildIndex(): ReadonlyMap<string, readonly KeywordCategory[]> {
	const index = new Map<string, KeywordCategory[]>();
	const add = (term: string, entries: readonly KeywordCategory[]): void => {
		const key = normalizeKeyword(term);
		// One Latin letter would match too much; one Chinese character ("鞋", shoes) is a real word.
		if (key.length === 0 || (key.length === 1 && !UNSPACED.test(key))) return;
		const list = index.get(key) ?? [];
		for (const entry of entries) if (!list.some((e) => e.catId === entry.catId)) list.push(entry);
		index.set(key, list);
	};
	for (const node of CATEGORY_TREE.values()) {
		const entries = leavesUnder(node).slice(0, MAX_CATEGORIES).map(leafEntry);
		for (const name of [node.name, node.nameEn]) {
			add(name, entries);
			for (const part of name.split(/[、/&,]/)) add(part, entries);
		}
	}
	PRODUCTS.forEach((words, topic) => {
		const topId = TOP_LEVEL_CATEGORY_IDS[topic];
		for (const word of words) {
			const leaves = LEAVES.filter((leaf) => mainProductOf(leaf.id) === word);
			const entries =
				leaves.length > 0
					? leaves.map((leaf) => ({ catId: leaf.id, product: word }))
					: [{ catId: topId ?? 0, product: word }];
			for (const language of LANGUAGES) add(wordIn(word, language), entries);
		}
	});
	return index;
}

const INDEX = buildIndex();

function atBoundary(text: string, start: number, end: number): boolean {
	if (start > 0 && WORD_CHAR.test(text.charAt(start - 1))) return false;
	const rest = text.slice(end);
	const suffix = rest.startsWith("es") ? 2 : rest.startsWith("s") ? 1 : 0;
	for (const skip of new Set([0, suffix])) {
		if (!WORD_CHAR.test(text.charAt(end + skip))) return true;
	}
	return false;
}

interface Match {
	readonly start: number;
	readonly end: number;
	readonly entries: readonly KeywordCategory[];
}

function findMatches(text: string): Match[] {
	const found: Match[] = [];
	for (const [term, entries] of INDEX) {
		const spaced = !UNSPACED.test(term);
		for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
			if (!spaced || atBoundary(text, at, at + term.length))
				found.push({ start: at, end: at + term.length, entries });
		}
	}
	// Longest first, so "运动鞋" (sneakers) wins over the "鞋" (shoes) inside it.
	found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
	const kept: Match[] = [];
	for (const match of found) {
		if (!kept.some((k) => match.start < k.end && k.start < match.end)) kept.push(match);
	}
	return kept.sort((a, b) => a.start - b.start);
}

/** The (at most 3) categories of the emulated tree a keyword names, in the order it names them; often none. */
export function matchKeyword(keyword: string): readonly KeywordCategory[] {
	const matched: KeywordCategory[] = [];
	for (const match of findMatches(normalizeKeyword(keyword))) {
		for (const entry of match.entries) {
			if (!matched.some((m) => m.catId === entry.catId)) matched.push(entry);
		}
	}
	return matched.slice(0, MAX_CATEGORIES);
}

/**
 * The 1..3 categories a keyword's results fall in, the first being the most frequent. Keywords naming a
 * product or category of the emulated tree (in any of the six languages) land there; any other keyword
 * gets 1..3 leaf categories chosen by its hash, so the answer is the same in every process.
 *
 * @example
 * ```ts
 * categoriesForKeyword("连衣裙", 1688)[0]?.catId; // 1031910 (Dresses)
 * ```
 */
export function categoriesForKeyword(keyword: string, seed: number): readonly KeywordCategory[] {
	const matched = matchKeyword(keyword);
	if (matched.length > 0) return matched;

	const text = normalizeKeyword(keyword);
	const random = createRandom(mixSeed(seed, hashText(text), 2));
	const wanted = random.int(1, MAX_CATEGORIES);
	const chosen: KeywordCategory[] = [];
	while (chosen.length < wanted) {
		const leaf = random.pick(LEAVES);
		if (!chosen.some((c) => c.catId === leaf.id)) chosen.push(leafEntry(leaf));
	}
	return chosen;
}
