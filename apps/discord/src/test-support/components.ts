import type { FakeDiscord, InteractionHandle, RecordedMessage } from "@catbot/fake-discord";

interface Part {
	readonly type?: number;
	readonly label?: string;
	readonly custom_id?: string;
	readonly disabled?: boolean;
	readonly placeholder?: string;
	readonly options?: readonly {
		readonly label: string;
		readonly value: string;
		readonly description?: string;
	}[];
	readonly components?: readonly Part[];
}

/** Every component of a message, rows flattened. */
export function parts(message: RecordedMessage | undefined): Part[] {
	return ((message?.components ?? []) as readonly Part[]).flatMap((row) => row.components ?? []);
}

/** The message's string select menu whose custom_id starts with `prefix`. */
export function selectMenu(message: RecordedMessage | undefined, prefix: string): Required<Part> {
	const menu = parts(message).find((p) => p.type === 3 && p.custom_id?.startsWith(prefix));
	if (!menu) throw new Error(`no select menu "${prefix}…" among ${JSON.stringify(parts(message))}`);
	return menu as Required<Part>;
}

/** The custom_id of the component whose label contains `label`. */
export function customIdOf(message: RecordedMessage | undefined, label: string): string {
	const part = parts(message).find((p) => p.label?.includes(label));
	if (!part?.custom_id)
		throw new Error(`no component "${label}" among ${JSON.stringify(parts(message).map((p) => p.label))}`);
	return part.custom_id;
}

/** Waits until the handle's answer is final (not "thinking…"), and returns it. */
export function settled(handle: InteractionHandle): Promise<RecordedMessage> {
	return handle.waitUntil((h) => {
		const message = h.followups.at(-1) ?? h.original;
		return message && !message.loading ? message : undefined;
	}, 5_000);
}

/** Waits until message `id` satisfies `check` (e.g. after an in-place update), and returns it. */
export function messageWhen(
	discord: FakeDiscord,
	handle: InteractionHandle,
	id: string,
	check: (message: RecordedMessage) => boolean,
): Promise<RecordedMessage> {
	return handle.waitUntil(() => {
		const message = discord.message(id);
		return message && check(message) ? message : undefined;
	}, 5_000);
}
