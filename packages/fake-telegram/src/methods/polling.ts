import { ApiError, badRequest } from "../ApiError.js";
import { CONFLICT_WEBHOOK_ACTIVE } from "../descriptions.js";
import { optionalBoolean, optionalInteger, optionalJson, optionalString, type Params } from "../params.js";
import type { MethodHandler } from "./context.js";

const MAX_LIMIT = 100;
/** Telegram holds a long poll at most this long, whatever timeout asks for. */
const MAX_TIMEOUT_SECONDS = 50;

function readAllowedUpdates(params: Params): string[] | undefined {
	const value = optionalJson(params, "allowed_updates", "allowed updates");
	if (value === undefined) return undefined;
	if (!Array.isArray(value) || !value.every((type) => typeof type === "string")) {
		throw badRequest("can't parse allowed updates JSON object");
	}
	return value;
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}

const getUpdates: MethodHandler = ({ fake, params, signal }) => {
	if (fake.webhook.target) throw new ApiError(409, CONFLICT_WEBHOOK_ACTIVE);
	const allowed = readAllowedUpdates(params);
	if (allowed) fake.updates.setAllowed(allowed);
	return fake.updates.poll(
		{
			offset: optionalInteger(params, "offset"),
			limit: clamp(optionalInteger(params, "limit") ?? MAX_LIMIT, 1, MAX_LIMIT),
			timeoutSeconds: clamp(optionalInteger(params, "timeout") ?? 0, 0, MAX_TIMEOUT_SECONDS),
		},
		signal,
	);
};

function readSecretToken(params: Params): string | undefined {
	const token = optionalString(params, "secret_token");
	if (token === undefined || token === "") return undefined;
	if (token.length > 256) throw badRequest("secret token is too long");
	if (!/^[A-Za-z0-9_-]+$/.test(token)) throw badRequest("secret token contains unallowed characters");
	return token;
}

function readWebhookUrl(params: Params): string {
	const url = optionalString(params, "url")?.trim() ?? "";
	if (url === "") return url;
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw badRequest("bad webhook: Wrong HTTP URL specified");
	}
	// Telegram insists on https; http is allowed here too, since test webhook servers have no certificate.
	if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
		throw badRequest("bad webhook: HTTPS url must be provided for webhook");
	}
	return url;
}

const setWebhook: MethodHandler = ({ fake, params }) => {
	const url = readWebhookUrl(params);
	const secretToken = readSecretToken(params);
	const maxConnections = optionalInteger(params, "max_connections");
	const allowedUpdates = readAllowedUpdates(params);
	if (optionalBoolean(params, "drop_pending_updates")) fake.updates.drop();
	if (allowedUpdates) fake.updates.setAllowed(allowedUpdates);
	// An empty url removes the webhook, as documented.
	fake.webhook.set(
		url === ""
			? undefined
			: { url, secretToken, maxConnections, allowedUpdates: allowedUpdates ?? undefined },
	);
	return true;
};

const deleteWebhook: MethodHandler = ({ fake, params }) => {
	if (optionalBoolean(params, "drop_pending_updates")) fake.updates.drop();
	fake.webhook.set(undefined);
	return true;
};

const getWebhookInfo: MethodHandler = ({ fake }) => fake.webhook.info();

/** Long polling and webhook settings. */
export const pollingMethods = { getUpdates, setWebhook, deleteWebhook, getWebhookInfo };
