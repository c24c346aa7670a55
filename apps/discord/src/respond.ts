import type { Logger } from "@catbot/core";
import {
	type ChatInputCommandInteraction,
	DiscordAPIError,
	MessageFlags,
	type RepliableInteraction,
} from "discord.js";
import type { RenderedMessage } from "./render/page.js";

/** Discord errors that mean "too late" or "already gone": logged, never thrown. */
const GONE = new Map<number, string>([
	[10062, "interaction expired before we answered"],
	[10008, "message no longer exists"],
	[40060, "interaction was already acknowledged"],
]);

/**
 * What to log of an error from Discord: its kind, code and status, never its URL or stack, which for
 * interaction webhooks contain the interaction's token.
 */
export function describeError(error: unknown): Record<string, unknown> {
	if (error instanceof DiscordAPIError) {
		return {
			name: error.name,
			code: error.code,
			status: error.status,
			method: error.method,
			message: error.message,
		};
	}
	return error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
}

/** Runs a Discord call, logging (not throwing) the errors that only mean the user has moved on. */
export async function tolerate(logger: Logger, what: string, call: () => Promise<unknown>): Promise<void> {
	try {
		await call();
	} catch (error) {
		const code = error instanceof DiscordAPIError ? Number(error.code) : undefined;
		const reason = code === undefined ? undefined : GONE.get(code);
		if (!reason) throw error;
		logger.info({ what, code }, reason);
	}
}

/** A private note (text, or a message with buttons) to whoever acted, whatever the interaction's state. */
export async function tellPrivately(
	interaction: RepliableInteraction,
	note: string | RenderedMessage,
): Promise<void> {
	const message = typeof note === "string" ? { content: note } : note;
	const body = { ...message, flags: MessageFlags.Ephemeral as const, allowedMentions: { parse: [] } };
	if (interaction.deferred || interaction.replied) await interaction.followUp(body);
	else await interaction.reply(body);
}

/**
 * A slash command's refusal, always private. A public "thinking…" placeholder must not turn into a public
 * refusal, so it is deleted and the refusal follows privately; a private placeholder becomes the refusal.
 */
export async function refuseCommand(
	interaction: ChatInputCommandInteraction,
	refusal: RenderedMessage,
	isPrivate: boolean,
): Promise<void> {
	if (interaction.deferred && !isPrivate) await interaction.deleteReply();
	if (interaction.deferred && isPrivate) await interaction.editReply(refusal);
	else await tellPrivately(interaction, refusal);
}
