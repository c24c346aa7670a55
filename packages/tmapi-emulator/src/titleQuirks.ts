import { LANGUAGES, type Language, MODIFIERS, separatorFor, type Titles, wordIn } from "./vocabulary.js";

type Quirk = (base: string, language: Language) => string;

// The decorations stay language-neutral and wrap the translated base, so `language` still visibly changes
// the title while every language carries the same hostile characters.
const QUIRKS: readonly Quirk[] = [
	(base) => `<b>${base}</b> & 2pcs *HOT* _sale_ 50%<off>`,
	(base) => `🔥${base}🔥 💖✨ 👗`,
	(base) => `@everyone ${base}`,
	(base, language) => {
		const parts = [base];
		for (let i = 0; parts.join(separatorFor(language)).length < 320; i++) {
			const word = MODIFIERS[i % MODIFIERS.length];
			if (word) parts.push(wordIn(word, language));
		}
		return parts.join(separatorFor(language));
	},
	(base) => `[${base}](https://example.com/x) \`code\` ~~old~~ ||spoiler|| #1 \\o/`,
];

/** How many leading items of the quirky category get a hostile title. */
export const QUIRK_COUNT = QUIRKS.length;

/** The hostile variant number `index` of a title, in every language. */
export function quirkyTitles(index: number, titles: Titles): Titles {
	const quirk = QUIRKS[index];
	if (!quirk) return titles;
	return Object.fromEntries(
		LANGUAGES.map((language) => [language, quirk(titles[language], language)]),
	) as Record<Language, string>;
}
