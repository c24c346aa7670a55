// East Asian wide and full-width ranges (Unicode's EastAsianWidth W and F), enough for the Chinese,
// Japanese and Korean text of the demo data. Kept apart from cli-table3's own measure on purpose: a test
// that measured with the table's library could not catch the table getting it wrong.
const WIDE =
	/[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;

/** Columns a line takes on a terminal, escape sequences left out. */
export function displayWidth(line: string): number {
	let width = 0;
	// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape sequences are what it strips.
	for (const char of line.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "")) width += WIDE.test(char) ? 2 : 1;
	return width;
}
