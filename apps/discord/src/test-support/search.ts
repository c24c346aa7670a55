import type { RecordedMessage } from "@catbot/fake-discord";
import type { Harness } from "./harness.js";

/** The positions of the cards a results message shows, from its embeds' "6. Title" titles. */
export function cardNumbers(message: RecordedMessage): number[] {
	return message.embeds.map((embed) => Number(/^(\d+)\. /.exec(String(embed.title))?.[1]));
}

/** The emulator's keyword-search requests so far, native and global. */
export function searchCalls(h: Harness): { search: number; globalSearch: number } {
	const { search, globalSearch } = h.emu.stats.byEndpoint;
	return { search, globalSearch };
}

function customIdsIn(value: unknown, into: string[]): string[] {
	if (Array.isArray(value)) for (const item of value) customIdsIn(item, into);
	else if (typeof value === "object" && value !== null) {
		for (const [key, inner] of Object.entries(value)) {
			if (key === "custom_id" && typeof inner === "string") into.push(inner);
			else customIdsIn(inner, into);
		}
	}
	return into;
}

/** Every custom_id in every request the bot sent Discord, taken or refused. */
export function customIdsSent(h: Harness): string[] {
	return h.discord.requests.flatMap((request) => customIdsIn(request.body, []));
}
