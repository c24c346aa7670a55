import { type ProductCard, type ResultView, shortlistTexts, truncateText } from "@catbot/core";
import { type APIActionRowComponent, type APIStringSelectComponent, ComponentType } from "discord.js";
import { encodeCustomId } from "../customId.js";

/** Discord's limits on a string select: options, and the length of an option's label and description. */
const OPTIONS_MAX = 25;
const OPTION_TEXT_MAX = 100;

/**
 * The "Save a card…" menu under a results page: one option per card shown (value = its position), so any
 * card can be saved without another message. The custom_id carries the page's signed token, which is all
 * the engine needs to find the card again, from its cache.
 */
export function saveMenuRow(
	view: ResultView,
	cards: readonly ProductCard[],
): APIActionRowComponent<APIStringSelectComponent> {
	return {
		type: ComponentType.ActionRow,
		components: [
			{
				type: ComponentType.StringSelect,
				custom_id: encodeCustomId({ kind: "save", token: view.tokens.current }),
				placeholder: shortlistTexts(view.query.language).buttons.saveMenu,
				options: cards.slice(0, OPTIONS_MAX).map((card) => ({
					label: truncateText(`${card.position}. ${card.title}`, OPTION_TEXT_MAX),
					value: String(card.position),
					description: truncateText([card.price, card.shop].filter(Boolean).join(" · "), OPTION_TEXT_MAX),
				})),
			},
		],
	};
}
