import type { IncomingMessage } from "node:http";
import { ApiError, badRequest } from "./ApiError.js";
import { boundaryOf, parseMultipart } from "./multipart.js";

/** A file that arrived in a multipart request. */
export interface UploadedPart {
	/** The form field that carried it: `document`, `photo`, or an `attach://` name. */
	readonly field: string;
	readonly filename: string;
	readonly contentType: string | undefined;
	readonly bytes: Buffer;
}

/** What a request asked for: its parameters and any uploaded files, keyed by field name. */
export interface RequestPayload {
	/** Text parameters; JSON-valued ones (reply_markup, entities, ...) already parsed when they parse. */
	readonly params: Readonly<Record<string, unknown>>;
	readonly files: ReadonlyMap<string, UploadedPart>;
}

/** Telegram's upload limit for bots; larger bodies get 413 like the real API. */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;

// Form and multipart bodies carry these as JSON text; parsing them here means every method and every
// recorded call sees the same shapes whichever encoding the client chose.
const JSON_FIELDS = new Set([
	"reply_markup",
	"entities",
	"caption_entities",
	"link_preview_options",
	"media",
	"allowed_updates",
	"commands",
	"scope",
	"reply_parameters",
]);

function fromTextFields(fields: Iterable<[string, string]>): Record<string, unknown> {
	const params: Record<string, unknown> = {};
	for (const [key, value] of fields) {
		if (!JSON_FIELDS.has(key)) {
			params[key] = value;
			continue;
		}
		try {
			params[key] = JSON.parse(value);
		} catch {
			// Left as text: the method that reads it answers with Telegram's "can't parse" error.
			params[key] = value;
		}
	}
	return params;
}

function parseJsonBody(body: Buffer): Record<string, unknown> {
	let value: unknown;
	try {
		value = JSON.parse(body.toString("utf8"));
	} catch {
		throw badRequest("can't parse JSON object");
	}
	if (value === null || typeof value !== "object" || Array.isArray(value)) {
		throw badRequest("can't parse JSON object");
	}
	return value as Record<string, unknown>;
}

/** Parses a body the way the Bot API does: JSON, urlencoded or multipart, on top of the query string. */
export function parsePayload(
	contentType: string | undefined,
	body: Buffer,
	query: URLSearchParams,
): RequestPayload {
	const params = fromTextFields(query);
	const files = new Map<string, UploadedPart>();
	const type = (contentType ?? "").toLowerCase();
	if (body.length === 0) return { params, files };
	if (type.startsWith("application/json")) {
		Object.assign(params, parseJsonBody(body));
	} else if (type.startsWith("application/x-www-form-urlencoded")) {
		Object.assign(params, fromTextFields(new URLSearchParams(body.toString("utf8"))));
	} else if (type.startsWith("multipart/form-data")) {
		const boundary = boundaryOf(contentType ?? "");
		if (boundary === undefined) throw badRequest("can't parse multipart/form-data: no boundary");
		const text: [string, string][] = [];
		for (const part of parseMultipart(body, boundary)) {
			if (part.filename === undefined) text.push([part.name, part.body.toString("utf8")]);
			else
				files.set(part.name, {
					field: part.name,
					filename: part.filename,
					contentType: part.contentType,
					bytes: part.body,
				});
		}
		Object.assign(params, fromTextFields(text));
	}
	return { params, files };
}

/** Reads a whole request body, refusing more than {@link MAX_BODY_BYTES}. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size > MAX_BODY_BYTES) throw new ApiError(413, "Request Entity Too Large");
		chunks.push(buffer);
	}
	return Buffer.concat(chunks);
}
