import type { ViolationKind } from "./ApiFailure.js";

/** A file of a recorded request, without its bytes' copy semantics: `data` is the uploaded content. */
export interface RecordedFile {
	readonly field: string;
	readonly filename: string;
	readonly contentType: string | undefined;
	readonly size: number;
	readonly data: Buffer;
}

/** One REST request the fake answered. Headers are left out: they carry the bot token. */
export interface RecordedRequest {
	readonly method: string;
	/** The path after "/v10", e.g. "/applications/1/guilds/2/commands"; compare with discord.js `Routes.*`. */
	readonly path: string;
	readonly query: Readonly<Record<string, string>>;
	/** Parsed JSON body (for multipart, the parsed `payload_json`), undefined when empty. */
	readonly body: unknown;
	readonly files: readonly RecordedFile[];
	/** Epoch milliseconds of arrival. */
	readonly at: number;
	readonly status: number;
	/** The JSON the fake answered, undefined for 204. */
	readonly response: unknown;
	/** True when the answer came from failNext() instead of the fake's logic. */
	readonly injected: boolean;
}

/** A Discord rule the bot broke, found while answering a request (injected failures are not violations). */
export interface Violation {
	readonly kind: ViolationKind;
	readonly method: string;
	readonly path: string;
	readonly status: number;
	/** Discord's JSON error code, e.g. 10062 or 50035. */
	readonly code: number;
	readonly message: string;
	/** The error body as sent, with `errors` for 50035. */
	readonly body: unknown;
	readonly at: number;
}
