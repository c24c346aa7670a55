import type { FakeUser, RecordedMessage } from "@catbot/fake-discord";
import { selectMenu, settled } from "./components.js";
import { asker, type Harness } from "./harness.js";

/** A card's title without its "12. " position, as results and the shortlist both show it. */
export const titleOf = (title: unknown) => String(title).replace(/^\d+\. /, "");

/** Picks card `position` in a results message's "Save a card…" menu, and waits for the private answer. */
export async function save(h: Harness, results: RecordedMessage, position: number, user: FakeUser = asker) {
	const menu = selectMenu(results, "v|");
	const handle = await h.discord.selectMenu({
		user,
		message: results,
		customId: menu.custom_id,
		values: [String(position)],
	});
	return { handle, answer: await settled(handle) };
}

/** The action log lines the engine wrote for `action`, parsed. */
export function actionLines(h: Harness, action: string): Record<string, unknown>[] {
	return h
		.logs()
		.split("\n")
		.filter((line) => line.includes(`"action":"${action}"`))
		.map((line) => JSON.parse(line) as Record<string, unknown>);
}
