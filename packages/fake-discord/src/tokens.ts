import { randomBytes } from "node:crypto";

/**
 * A token with the shape of a real bot token (base64 user id, timestamp, HMAC), random each time so a
 * client cannot accidentally log in to another fake. It opens nothing outside this process.
 */
export function createBotToken(botUserId: string): string {
	const id = Buffer.from(botUserId).toString("base64url");
	const time = randomBytes(4).toString("base64url").slice(0, 6);
	return `${id}.${time}.${randomBytes(27).toString("base64url")}`;
}

/** An interaction token shaped like Discord's ("interaction:" in base64 followed by opaque bytes). */
export function createInteractionToken(interactionId: string): string {
	const tail = Buffer.from(`${interactionId}:${randomBytes(48).toString("base64url")}`).toString("base64url");
	return `aW50ZXJhY3Rpb246${tail}`;
}
