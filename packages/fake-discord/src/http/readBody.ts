import type { IncomingMessage } from "node:http";
import { ApiFailure, invalidJson } from "./ApiFailure.js";

/** A file uploaded with a message (multipart field `files[n]`). */
export interface UploadedFile {
	/** The multipart field name, e.g. "files[0]". */
	readonly field: string;
	readonly filename: string;
	readonly contentType: string | undefined;
	readonly size: number;
	readonly data: Buffer;
}

/** A request body as the routes see it: JSON (from the body or multipart `payload_json`) plus files. */
export interface ParsedBody {
	readonly json: unknown;
	readonly files: readonly UploadedFile[];
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function parseJson(text: string): unknown {
	if (text.trim() === "") return undefined;
	try {
		return JSON.parse(text);
	} catch {
		throw invalidJson();
	}
}

// discord.js sends attachments as multipart: `payload_json` plus `files[n]`; undici's Response parses it.
async function parseMultipart(buffer: Buffer, contentType: string): Promise<ParsedBody> {
	const form = await new Response(buffer, { headers: { "content-type": contentType } }).formData();
	let json: unknown;
	const files: UploadedFile[] = [];
	for (const [field, value] of form.entries()) {
		if (typeof value === "string") {
			if (field === "payload_json") json = parseJson(value);
			continue;
		}
		const data = Buffer.from(await value.arrayBuffer());
		files.push({
			field,
			filename: value.name,
			contentType: value.type || undefined,
			size: data.length,
			data,
		});
	}
	return { json, files };
}

/** Reads and parses a request body; throws an ApiFailure (50109) for malformed JSON. */
export async function readBody(req: IncomingMessage): Promise<ParsedBody> {
	const buffer = await readAll(req);
	const contentType = req.headers["content-type"] ?? "";
	if (contentType.startsWith("multipart/form-data")) {
		try {
			return await parseMultipart(buffer, contentType);
		} catch (error) {
			if (error instanceof ApiFailure) throw error;
			throw invalidJson();
		}
	}
	if (buffer.length === 0) return { json: undefined, files: [] };
	return { json: parseJson(buffer.toString("utf8")), files: [] };
}
