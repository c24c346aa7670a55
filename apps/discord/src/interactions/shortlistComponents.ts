import { badButtonText, MAX_RESULT_ITEMS, type Refusal } from "@catbot/core";
import { type ButtonInteraction, MessageFlags, type StringSelectMenuInteraction } from "discord.js";
import { actorOf, type Deps, placeOf, shownName } from "../context.js";
import { renderRefusal } from "../render/refusal.js";
import { renderShortlist } from "../render/shortlist.js";
import { plain } from "../render/text.js";
import { tellPrivately } from "../respond.js";
import { once, withinAckWindow } from "../timing.js";
import { NO_SHORTLIST_HERE } from "./shortlist.js";

type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

/** A position as the save menu sends it: digits only, within any result. */
function chosenPosition(interaction: ComponentInteraction): number | null {
	const value = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
	if (value === undefined || !/^[1-9]\d{0,3}$/.test(value)) return null;
	const position = Number(value);
	return position <= MAX_RESULT_ITEMS ? position : null;
}

/**
 * A refusal to a shortlist control, privately. Repeated rate-limit presses are acknowledged without a
 * message, as for page buttons.
 */
export async function refuseComponent(interaction: ComponentInteraction, refusal: Refusal): Promise<void> {
	if (refusal.kind === "rate-limited" && !refusal.notify && !interaction.deferred) {
		await interaction.deferUpdate();
		return;
	}
	await tellPrivately(interaction, renderRefusal(refusal, interaction.user.id));
}

/**
 * The "Save a card…" menu: saves the chosen card of the page its token names to this channel's shortlist
 * and says so privately; the results message stays as it is. While the page is cached this costs no paid
 * call; otherwise the answer is deferred first (privately), like a page turn.
 */
export async function saveCard(interaction: ComponentInteraction, deps: Deps, token: string): Promise<void> {
	const place = placeOf(interaction);
	if (!place) return tellPrivately(interaction, NO_SHORTLIST_HERE);
	const position = chosenPosition(interaction);
	if (position === null) return tellPrivately(interaction, badButtonText());
	const defer = once(() => interaction.deferReply({ flags: MessageFlags.Ephemeral }));
	const outcome = await withinAckWindow(
		() =>
			deps.shortlist.save(
				actorOf(interaction),
				place,
				{ token, position, shown: interaction.message.content },
				shownName(interaction),
				{
					onSlow: defer,
				},
			),
		defer,
	);
	if (!outcome.ok) {
		if (interaction.deferred)
			await interaction.editReply(renderRefusal(outcome.refusal, interaction.user.id));
		else await refuseComponent(interaction, outcome.refusal);
		return;
	}
	const answer = { content: plain(outcome.view.text), allowedMentions: { parse: [] as [] } };
	if (interaction.deferred) await interaction.editReply(answer);
	else await interaction.reply({ ...answer, flags: MessageFlags.Ephemeral });
}

/** A shortlist paging button: turns the pressed message to that page, for everyone who sees it. */
export async function showShortlistPage(
	interaction: ComponentInteraction,
	deps: Deps,
	page: number,
): Promise<void> {
	const place = placeOf(interaction);
	if (!place) return tellPrivately(interaction, NO_SHORTLIST_HERE);
	const outcome = await withinAckWindow(
		() => deps.shortlist.list(actorOf(interaction), place, page),
		once(() => interaction.deferUpdate()),
	);
	if (!outcome.ok) return refuseComponent(interaction, outcome.refusal);
	const message = renderShortlist(outcome.view);
	if (interaction.deferred) await interaction.editReply(message);
	else await interaction.update(message);
}

/**
 * A remove button: any member may remove a card. The list message is then shown again at the same page
 * (or the last one, if that page is gone), and the remover is told privately what was removed. Who removed
 * what is in the engine's action log line.
 */
export async function removeCard(
	interaction: ComponentInteraction,
	deps: Deps,
	itemId: string,
	page: number,
): Promise<void> {
	const place = placeOf(interaction);
	if (!place) return tellPrivately(interaction, NO_SHORTLIST_HERE);
	const actor = actorOf(interaction);
	const defer = once(() => interaction.deferUpdate());
	const removed = await withinAckWindow(() => deps.shortlist.remove(actor, place, itemId), defer);
	if (!removed.ok) return refuseComponent(interaction, removed.refusal);
	const listed = await withinAckWindow(() => deps.shortlist.list(actor, place, page), defer);
	if (listed.ok) {
		const message = renderShortlist(listed.view);
		if (interaction.deferred) await interaction.editReply(message);
		else await interaction.update(message);
	}
	// Without a fresh list (e.g. rate limited), the old one stays; pressing there again says it is gone.
	await tellPrivately(interaction, plain(removed.view.text));
}
