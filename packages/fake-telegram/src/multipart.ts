/** One part of a multipart/form-data body. */
export interface MultipartPart {
	readonly name: string;
	/** Present for file parts, even when empty. */
	readonly filename: string | undefined;
	readonly contentType: string | undefined;
	readonly body: Buffer;
}

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

function headerParam(disposition: string, param: string): string | undefined {
	// Anchored on ";" so `name=` does not match inside `filename=`.
	const match = new RegExp(`(?:^|;)\\s*${param}="((?:[^"\\\\]|\\\\.)*)"`, "i").exec(disposition);
	return match?.[1]?.replace(/\\(.)/g, "$1");
}

function parsePart(raw: Buffer): MultipartPart | undefined {
	const headerEnd = raw.indexOf(HEADER_END);
	// A part without headers has nothing to name it by; browsers and telegraf never send one.
	if (headerEnd === -1) return undefined;
	const headers = new Map<string, string>();
	for (const line of raw.subarray(0, headerEnd).toString("utf8").split("\r\n")) {
		const colon = line.indexOf(":");
		if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
	}
	const disposition = headers.get("content-disposition") ?? "";
	const name = headerParam(disposition, "name");
	if (name === undefined) return undefined;
	return {
		name,
		filename: headerParam(disposition, "filename"),
		contentType: headers.get("content-type"),
		body: raw.subarray(headerEnd + HEADER_END.length),
	};
}

/**
 * Splits a multipart/form-data body into its parts. Tolerant the way servers are: a missing closing
 * delimiter ends the body, and headers may be written with or without a space after the colon (telegraf
 * writes `content-disposition:form-data; ...`).
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
	const delimiter = Buffer.from(`--${boundary}`);
	const between = Buffer.concat([CRLF, delimiter]);
	const parts: MultipartPart[] = [];
	let cursor = body.indexOf(delimiter);
	while (cursor !== -1) {
		let start = cursor + delimiter.length;
		if (body.subarray(start, start + 2).toString() === "--") break;
		if (body.subarray(start, start + 2).equals(CRLF)) start += 2;
		const next = body.indexOf(between, start);
		const end = next === -1 ? body.length : next;
		const part = parsePart(body.subarray(start, end));
		if (part) parts.push(part);
		cursor = next === -1 ? -1 : next + CRLF.length;
	}
	return parts;
}

/** The boundary parameter of a multipart content type, or undefined. */
export function boundaryOf(contentType: string): string | undefined {
	const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	return match?.[1] ?? match?.[2];
}
