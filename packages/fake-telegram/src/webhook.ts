import { request as httpRequest, STATUS_CODES } from "node:http";
import { request as httpsRequest } from "node:https";
import { parsePayload } from "./body.js";
import type { Params } from "./params.js";
import type { UpdateQueue } from "./updates.js";

/** Where updates go while a webhook is set. */
export interface WebhookTarget {
	/** The URL as the bot set it; getWebhookInfo reports this one. */
	readonly url: string;
	readonly secretToken: string | undefined;
	readonly maxConnections: number | undefined;
	readonly allowedUpdates: readonly string[] | undefined;
}

/** getWebhookInfo's result. */
export interface WebhookInfo {
	readonly url: string;
	readonly has_custom_certificate: boolean;
	readonly pending_update_count: number;
	readonly last_error_date?: number;
	readonly last_error_message?: string;
	readonly max_connections?: number;
	readonly allowed_updates?: readonly string[];
}

/** Delivers queued updates to the webhook, one at a time, in order. */
export interface WebhookDelivery {
	readonly target: WebhookTarget | undefined;
	set(target: WebhookTarget | undefined): void;
	info(): WebhookInfo;
	/** Stops delivering and aborts the delivery in flight. */
	close(): void;
}

/** What the bot answered to a delivery. */
interface DeliveryResult {
	readonly status: number;
	readonly contentType: string | undefined;
	readonly body: Buffer;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
const DELIVERY_TIMEOUT_MS = 30_000;
const MAX_RETRY_DELAY_MS = 2000;

/**
 * The URL a delivery really goes to. A test's webhook server has no certificate, while Telegram (and
 * telegraf's createWebhook) insist on https, so https on a loopback host is delivered over plain http.
 */
export function deliveryUrl(url: string): URL {
	const target = new URL(url);
	if (target.protocol === "https:" && LOOPBACK_HOSTS.has(target.hostname)) target.protocol = "http:";
	return target;
}

function post(
	url: URL,
	body: string,
	secretToken: string | undefined,
	onRequest: (abort: () => void) => void,
) {
	return new Promise<DeliveryResult>((resolve, reject) => {
		const send = url.protocol === "https:" ? httpsRequest : httpRequest;
		const req = send(url, {
			method: "POST",
			agent: false,
			timeout: DELIVERY_TIMEOUT_MS,
			headers: {
				"content-type": "application/json",
				"content-length": Buffer.byteLength(body),
				...(secretToken === undefined ? {} : { "x-telegram-bot-api-secret-token": secretToken }),
			},
		});
		req.on("response", (res) => {
			const chunks: Buffer[] = [];
			res.on("data", (chunk: Buffer) => chunks.push(chunk));
			res.on("end", () =>
				resolve({
					status: res.statusCode ?? 0,
					contentType: res.headers["content-type"],
					body: Buffer.concat(chunks),
				}),
			);
			res.on("error", reject);
		});
		req.on("timeout", () => req.destroy(new Error("Read timeout expired")));
		req.on("error", reject);
		onRequest(() => req.destroy(new Error("fake-telegram closed")));
		req.end(body);
	});
}

function describeFailure(error: unknown): string {
	const code = (error as { code?: unknown }).code;
	if (code === "ECONNREFUSED") return "Connection refused";
	if (code === "ECONNRESET") return "Connection reset by peer";
	return error instanceof Error ? error.message : String(error);
}

/** A call the bot made in its response to a delivery (telegraf's webhookReply), if there is one. */
function replyCall(result: DeliveryResult): { method: string; params: Params } | undefined {
	if (result.body.length === 0) return undefined;
	try {
		const { params } = parsePayload(result.contentType, result.body, new URLSearchParams());
		const { method, ...rest } = params;
		return typeof method === "string" ? { method, params: rest } : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Creates the delivery loop. `onReply` runs a call found in a webhook response, as Telegram does with
 * "making requests when getting updates".
 */
export function createWebhookDelivery(
	queue: UpdateQueue,
	onReply: (method: string, params: Params) => void,
): WebhookDelivery {
	let target: WebhookTarget | undefined;
	let running = false;
	let closed = false;
	let failures = 0;
	let lastError: { date: number; message: string } | undefined;
	let abortInFlight: (() => void) | undefined;
	let stopWaiting: (() => void) | undefined;

	async function deliver(current: WebhookTarget): Promise<void> {
		const update = queue.first();
		if (!update) return;
		try {
			const url = deliveryUrl(current.url);
			const result = await post(url, JSON.stringify(update), current.secretToken, (abort) => {
				abortInFlight = abort;
			});
			if (closed || target !== current) return;
			if (result.status < 200 || result.status > 299) {
				throw new Error(
					`Wrong response from the webhook: ${result.status} ${STATUS_CODES[result.status] ?? ""}`.trim(),
				);
			}
			failures = 0;
			queue.confirm(update.update_id + 1);
			const reply = replyCall(result);
			if (reply) onReply(reply.method, reply.params);
		} catch (error) {
			if (closed || target !== current) return;
			failures += 1;
			const message = describeFailure(error);
			lastError = { date: Math.floor(Date.now() / 1000), message };
			// Telegram keeps the update and retries with a growing delay; so does the fake, in milliseconds.
			const delay = Math.min(MAX_RETRY_DELAY_MS, 50 * 2 ** failures);
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, delay);
				stopWaiting = () => {
					clearTimeout(timer);
					resolve();
				};
			});
			stopWaiting = undefined;
		} finally {
			abortInFlight = undefined;
		}
	}

	async function pump(): Promise<void> {
		if (running) return;
		running = true;
		try {
			while (!closed && target && queue.first()) await deliver(target);
		} finally {
			running = false;
		}
	}

	const unsubscribe = queue.onPush(() => {
		void pump();
	});

	return {
		get target() {
			return target;
		},
		set(next) {
			target = next;
			failures = 0;
			lastError = undefined;
			// A new target is tried at once rather than after the old one's retry delay.
			stopWaiting?.();
			void pump();
		},
		info() {
			return {
				url: target?.url ?? "",
				has_custom_certificate: false,
				pending_update_count: queue.size,
				...(lastError ? { last_error_date: lastError.date, last_error_message: lastError.message } : {}),
				...(target?.maxConnections === undefined ? {} : { max_connections: target.maxConnections }),
				...(target?.allowedUpdates === undefined ? {} : { allowed_updates: target.allowedUpdates }),
			};
		},
		close() {
			closed = true;
			unsubscribe();
			stopWaiting?.();
			abortInFlight?.();
		},
	};
}
