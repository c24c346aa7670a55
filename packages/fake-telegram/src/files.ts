import { extname } from "node:path";
import type { UploadedPart } from "./body.js";

/** A file the bot sent, as the fake keeps it. */
export interface StoredFile {
	readonly file_id: string;
	readonly file_unique_id: string;
	readonly kind: "photo" | "document";
	/** The URL the bot gave instead of uploading. */
	readonly url?: string;
	readonly file_name?: string;
	readonly mime_type?: string;
	readonly file_size?: number;
	/** The uploaded bytes; absent for files sent by URL. */
	readonly bytes?: Buffer;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
	".csv": "text/csv",
	".txt": "text/plain",
	".json": "application/json",
	".html": "text/html",
	".pdf": "application/pdf",
	".zip": "application/zip",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".jpg": "image/jpeg",
	".jpeg": "image/jpeg",
	".png": "image/png",
	".gif": "image/gif",
	".webp": "image/webp",
};

/** The MIME type Telegram would report for a file name: it goes by the extension. */
export function mimeTypeOf(fileName: string): string {
	return MIME_TYPES[extname(fileName).toLowerCase()] ?? "application/octet-stream";
}

function lastPathSegment(url: string): string {
	const segment = new URL(url).pathname.split("/").at(-1) ?? "";
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/** The files of one fake, by file_id. */
export interface FileStore {
	fromUpload(part: UploadedPart, kind: StoredFile["kind"]): StoredFile;
	fromUrl(url: string, kind: StoredFile["kind"]): StoredFile;
	get(fileId: string): StoredFile | undefined;
}

/** Creates an empty store; file ids are deterministic so test output is stable. */
export function createFileStore(): FileStore {
	const files = new Map<string, StoredFile>();
	let next = 1;
	function add(
		kind: StoredFile["kind"],
		fields: Omit<StoredFile, "file_id" | "file_unique_id" | "kind">,
	): StoredFile {
		const n = next++;
		const file: StoredFile = {
			file_id: `fake-${kind}-${n}`,
			file_unique_id: `fake-unique-${n}`,
			kind,
			...fields,
		};
		files.set(file.file_id, file);
		return file;
	}
	return {
		fromUpload(part, kind) {
			return add(kind, {
				file_name: part.filename,
				mime_type: part.contentType ?? mimeTypeOf(part.filename),
				file_size: part.bytes.length,
				bytes: part.bytes,
			});
		},
		fromUrl(url, kind) {
			const name = lastPathSegment(url);
			return add(kind, {
				url,
				...(name === "" ? {} : { file_name: name, mime_type: mimeTypeOf(name) }),
			});
		},
		get: (fileId) => files.get(fileId),
	};
}
