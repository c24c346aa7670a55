import type { Refusal } from "@catbot/core";
import { ButtonStyle, ComponentType } from "discord.js";
import { encodeCustomId } from "../customId.js";
import type { RenderedMessage } from "./page.js";

/**
 * A refusal as a private message. A page past the end also gets one button to the last page, owned by the
 * person who sees it, so their press turns this very message into that page.
 */
export function renderRefusal(refusal: Refusal, owner: string): RenderedMessage {
	const components: RenderedMessage["components"] =
		refusal.kind === "no-such-page"
			? [
					{
						type: ComponentType.ActionRow,
						components: [
							{
								type: ComponentType.Button,
								style: ButtonStyle.Primary,
								label: refusal.lastPageLabel,
								custom_id: encodeCustomId({ kind: "page", owner, token: refusal.lastPageToken }),
							},
						],
					},
				]
			: [];
	return { content: refusal.message, embeds: [], components, allowedMentions: { parse: [] } };
}
