const LINK_SCHEMES = new Set(["http:", "https:", "tg:", "ton:"]);

/**
 * The URL an `<a href>` or a text_link entity ends up with, or undefined when Telegram would drop the link.
 * Like Telegram, a link without a scheme is taken as http.
 */
export function checkedLink(raw: string): string | undefined {
	const link = raw.trim();
	if (link === "") return undefined;
	const candidate = /^[a-z][a-z0-9+.-]*:/i.test(link) ? link : `http://${link}`;
	let url: URL;
	try {
		url = new URL(candidate);
	} catch {
		return undefined;
	}
	if (!LINK_SCHEMES.has(url.protocol)) return undefined;
	if ((url.protocol === "http:" || url.protocol === "https:") && url.hostname === "") return undefined;
	return candidate;
}

/** Whether a button URL is one Telegram opens: an absolute http(s) URL with a host, or a tg: link. */
export function isButtonUrl(raw: string): boolean {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return false;
	}
	if (url.protocol === "tg:") return true;
	return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
}
