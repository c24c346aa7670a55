import type { LinkPreviewOptions } from "telegraf/types";
import { visibleLength } from "./html.js";

/** Telegram's longest message text, counted as it shows (entities parsed). */
export const TEXT_LIMIT = 4096;

/**
 * The text of a message listing `items`, with items dropped from the end (never cut, and never the last
 * one) while the text would pass Telegram's limit; also the items kept, for their buttons.
 */
export function fitItems<T>(
	items: readonly T[],
	compose: (kept: readonly T[]) => string,
): { text: string; kept: T[] } {
	const kept = [...items];
	let text = compose(kept);
	while (visibleLength(text) > TEXT_LIMIT && kept.length > 1) {
		kept.pop();
		text = compose(kept);
	}
	return { text, kept };
}

/** A small link preview of `image` below the text, or none when there is no image. */
export function previewOf(image: string | null | undefined): LinkPreviewOptions {
	return image ? { url: image, prefer_small_media: true, show_above_text: false } : { is_disabled: true };
}
