import type { FakeUser, InteractionHandle, RecordedMessage } from "@catbot/fake-discord";
import { expect } from "vitest";
import { registerCommands } from "../register.js";
import { asker, commandOptions, type Harness } from "./harness.js";

/** A server the bot was never added to: only asker's user install reaches it. */
export const ELSEWHERE = "840000000000000001";
export const ELSEWHERE_CHANNEL = "840000000000000002";
/** A group DM asker is in, with the app installed to their account only. */
export const GROUP_DM = "850000000000000001";
/** A DM between asker and another user. */
export const OTHERS_DM = "850000000000000002";

/** Where a user install brings the bot without it being a member. */
export type Elsewhere = "server" | "group-dm" | "dm";

const PLACES = {
	server: { guildId: ELSEWHERE, channelId: ELSEWHERE_CHANNEL },
	"group-dm": { context: 2, channelId: GROUP_DM, channelType: 3 },
	dm: { context: 2, channelId: OTHERS_DM, channelType: 1 },
} as const;

/** The channel of each such place. */
export const CHANNEL_OF: Record<Elsewhere, string> = {
	server: ELSEWHERE_CHANNEL,
	"group-dm": GROUP_DM,
	dm: OTHERS_DM,
};

/** Registers the commands globally, as `register:discord` does in production: user installs see only those. */
export async function registerGlobally(h: Harness): Promise<void> {
	await registerCommands({
		token: h.discord.token,
		applicationId: h.discord.applicationId,
		apiBase: h.discord.apiBase,
		logger: h.bot.logger,
	});
}

/** Runs a slash command through asker's user install, in a place the bot is not in. */
export function runElsewhere(
	h: Harness,
	where: Elsewhere,
	name: string,
	options: Record<string, string | number | boolean> = {},
	user: FakeUser = asker,
): Promise<InteractionHandle> {
	return h.discord.runCommand({
		...PLACES[where],
		user,
		name,
		authorizingIntegrationOwners: { "1": asker.id },
		options: commandOptions(options),
	});
}

/**
 * Checks that the bot did everything through interactions: no request to any channel route (the fake
 * would answer 403 there, and record it), no other rule broken, and nothing in the channel that could
 * mention anyone.
 */
export function expectOnlyInteractions(h: Harness, channelId: string): readonly RecordedMessage[] {
	expect(h.discord.requests.filter((r) => r.path.startsWith("/channels/"))).toEqual([]);
	expect(h.discord.violations).toEqual([]);
	const messages = h.discord.channelMessages(channelId, { viewerId: asker.id });
	for (const message of messages) {
		expect(message.source).not.toBe("channel");
		expect(message.allowedMentions).toMatchObject({ parse: [] });
		expect(message.content).not.toMatch(/<@|@everyone|@here/);
	}
	return messages;
}
