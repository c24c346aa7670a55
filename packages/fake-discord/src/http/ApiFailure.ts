import type { JsonObject } from "../json.js";

/**
 * What kind of rule a request broke, as recorded in `violations`. `late-acknowledgement` is the 3-second rule;
 * the others are named after the Discord error they produced.
 */
export type ViolationKind =
	| "late-acknowledgement"
	| "already-acknowledged"
	| "unknown-interaction"
	| "invalid-form-body"
	| "invalid-interaction-response"
	| "unknown-webhook"
	| "invalid-webhook-token"
	| "unknown-message"
	| "unknown-channel"
	| "unknown-command"
	| "missing-access"
	| "unauthorized"
	| "not-found"
	| "method-not-allowed"
	| "invalid-json"
	| "invalid-api-version"
	| "empty-message";

/** A Discord error answer, thrown by route handlers and turned into the HTTP response by the REST server. */
export class ApiFailure extends Error {
	override readonly name = "ApiFailure";
	readonly status: number;
	readonly code: number;
	readonly kind: ViolationKind;
	readonly body: JsonObject;

	constructor(kind: ViolationKind, status: number, code: number, message: string, errors?: JsonObject) {
		super(message);
		this.kind = kind;
		this.status = status;
		this.code = code;
		this.body = errors ? { message, code, errors } : { message, code };
	}
}

/** 404 10062: the interaction does not exist, or its 3 seconds are over (`late` says which, for the record). */
export function unknownInteraction(late = false): ApiFailure {
	return new ApiFailure(
		late ? "late-acknowledgement" : "unknown-interaction",
		404,
		10062,
		"Unknown interaction",
	);
}

/** 400 40060: a second callback for the same interaction. */
export function alreadyAcknowledged(): ApiFailure {
	return new ApiFailure("already-acknowledged", 400, 40060, "Interaction has already been acknowledged.");
}

/** 400 50035 with the nested field errors. */
export function invalidFormBody(errors: JsonObject): ApiFailure {
	return new ApiFailure("invalid-form-body", 400, 50035, "Invalid Form Body", errors);
}

/** 400 50035 for a callback type that does not fit the interaction, e.g. UPDATE_MESSAGE for a slash command. */
export function invalidResponseType(): ApiFailure {
	return new ApiFailure("invalid-interaction-response", 400, 50035, "Invalid Form Body", {
		type: {
			_errors: [{ code: "INTERACTION_RESPONSE_TYPE_INVALID", message: "Invalid interaction response type" }],
		},
	});
}

/** 400 50006: nothing to show (no content, embeds, components, files). */
export function emptyMessage(): ApiFailure {
	return new ApiFailure("empty-message", 400, 50006, "Cannot send an empty message");
}

/** 404 10015: the webhook (interaction token) is unknown or the interaction never got a response. */
export function unknownWebhook(): ApiFailure {
	return new ApiFailure("unknown-webhook", 404, 10015, "Unknown Webhook");
}

/** 401 50027: the interaction token is older than its 15 minutes. */
export function invalidWebhookToken(): ApiFailure {
	return new ApiFailure("invalid-webhook-token", 401, 50027, "Invalid Webhook Token");
}

/** 404 10008 */
export function unknownMessage(): ApiFailure {
	return new ApiFailure("unknown-message", 404, 10008, "Unknown Message");
}

/** 404 10003 */
export function unknownChannel(): ApiFailure {
	return new ApiFailure("unknown-channel", 404, 10003, "Unknown Channel");
}

/** 404 10063 */
export function unknownCommand(): ApiFailure {
	return new ApiFailure("unknown-command", 404, 10063, "Unknown application command");
}

/** 403 50001: a guild or channel the bot is not in, or another application's resources. */
export function missingAccess(): ApiFailure {
	return new ApiFailure("missing-access", 403, 50001, "Missing Access");
}

/** 401 0: no or wrong `Authorization: Bot <token>` header. */
export function unauthorized(): ApiFailure {
	return new ApiFailure("unauthorized", 401, 0, "401: Unauthorized");
}

/** 404 0: no such route. */
export function notFound(): ApiFailure {
	return new ApiFailure("not-found", 404, 0, "404: Not Found");
}

/** 405 0: the route exists, not with this method. */
export function methodNotAllowed(): ApiFailure {
	return new ApiFailure("method-not-allowed", 405, 0, "405: Method Not Allowed");
}

/** 400 50109 */
export function invalidJson(): ApiFailure {
	return new ApiFailure("invalid-json", 400, 50109, "The request body contains invalid JSON.");
}

/** 400 50041: only /v10 is served. */
export function invalidApiVersion(): ApiFailure {
	return new ApiFailure("invalid-api-version", 400, 50041, "Invalid API version provided");
}
