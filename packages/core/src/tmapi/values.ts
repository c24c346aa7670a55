// Pure parsers for the upstream's stringly-typed values. Each returns null rather than guessing.

type Raw = string | number | null | undefined;

const UNIT_MULTIPLIERS: Record<string, number> = {
	k: 1_000,
	千: 1_000,
	w: 10_000,
	万: 10_000,
	m: 1_000_000,
	百万: 1_000_000,
	亿: 100_000_000,
};

/** First decimal number in a string such as "¥4.59", "4.59-5.00" or "1,234.5". */
function firstNumber(text: string): number | null {
	const match = /\d+(?:\.\d+)?/.exec(text.replaceAll(/(?<=\d),(?=\d{3})/g, ""));
	return match ? Number(match[0]) : null;
}

/** A price string ("4.59", "", "¥4.59") as a non-negative number, or null when there is none. */
export function parsePrice(raw: Raw): number | null {
	if (typeof raw === "number") return Number.isFinite(raw) && raw >= 0 ? raw : null;
	if (typeof raw !== "string" || raw.trim() === "") return null;
	return firstNumber(raw);
}

/** The first of several price candidates that parses, for the documented fallback order. */
export function firstPrice(...candidates: Raw[]): number | null {
	for (const candidate of candidates) {
		const price = parsePrice(candidate);
		if (price !== null) return price;
	}
	return null;
}

/**
 * A sales count from labels such as "180100", "100000+", "已售300+件", "1.2万", "3k" or "10万+".
 * Labels with "+" are lower bounds, which is what the number reports.
 */
export function parseCount(raw: Raw): number | null {
	if (typeof raw === "number") return Number.isFinite(raw) && raw >= 0 ? Math.round(raw) : null;
	if (typeof raw !== "string") return null;
	const match = /(\d+(?:\.\d+)?)\s*(百万|万|千|亿|[kKwWmM])?/.exec(raw.replaceAll(/(?<=\d),(?=\d{3})/g, ""));
	if (!match?.[1]) return null;
	const unit = match[2]?.toLowerCase();
	const multiplier = unit === undefined ? 1 : (UNIT_MULTIPLIERS[unit] ?? 1);
	return Math.round(Number(match[1]) * multiplier);
}

/** "60%" or "38.46" as percent (60, 38.46). */
export function parsePercent(raw: Raw): number | null {
	const value = parsePrice(raw);
	return value !== null && value <= 100 ? value : null;
}

/** A whole number such as a MOQ sent as 200 or "200". */
export function parseInteger(raw: Raw): number | null {
	const value = parsePrice(raw);
	return value === null ? null : Math.trunc(value);
}

// A host name with a dot, then a path, query or nothing: "cbu01.alicdn.com/img/...", "x.1688.com?a=b".
const BARE_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:[/?#]|$)/i;

/**
 * An http(s) URL from what the upstream sends: protocol-relative ("//cbu01..."), with extra slashes
 * ("https:////cbu01..."), or with no scheme at all ("cbu01.alicdn.com/..."), which get https. Anything
 * else (other schemes, junk, empty) is null.
 */
export function normalizeUrl(raw: Raw): string | null {
	const url = typeof raw === "string" ? raw.trim() : "";
	const match = /^(?:(https?):)?\/*(.*)$/i.exec(url);
	const rest = match?.[2] ?? "";
	if (!BARE_HOST.test(rest)) return null;
	const fixed = `${match?.[1]?.toLowerCase() ?? "https"}://${rest}`;
	return URL.canParse(fixed) ? fixed : null;
}

/**
 * Whether a sales label is a lower bound or a rounded figure ("100000+", "已售9000+件", "1.8万", "3k"),
 * so the number shown for it needs a "+".
 */
export function isLowerBound(raw: Raw): boolean {
	return typeof raw === "string" && /\+|\d\s*(?:百万|万|千|亿|[kKwWmM])/.test(raw);
}

/** A trimmed non-empty string, or null. */
export function text(raw: Raw): string | null {
	if (raw === null || raw === undefined) return null;
	const value = String(raw).trim();
	return value === "" ? null : value;
}
