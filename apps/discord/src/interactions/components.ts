import { badButtonText } from "@catbot/core";
import { type ButtonInteraction, MessageFlags, type StringSelectMenuInteraction } from "discord.js";
import { actorOf, type Deps, placeOf } from "../context.js";
import { type ComponentAction, decodeCustomId } from "../customId.js";
import { renderBrowse } from "../render/browse.js";
import { renderPage } from "../render/page.js";
import { renderRefusal } from "../render/refusal.js";
import { tellPrivately } from "../respond.js";
import { removeCard, saveCard, showShortlistPage } from "./shortlistComponents.js";
import { removeWatch } from "./watch.js";

type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

/**
 * A page button. The owner's press updates their message in place; anyone else's opens that page as their
 * own private answer, so nobody's reading is moved under them. Uncached pages are deferred first.
 */
async function page(
	interaction: ComponentInteraction,
	deps: Deps,
	action: Extract<ComponentAction, { kind: "page" }>,
) {
	const mine = interaction.user.id === action.owner;
	const wasPrivate = interaction.message.flags.has(MessageFlags.Ephemeral);
	const outcome = await deps.catalog.show(
		actorOf(interaction),
		{ token: action.token, shown: interaction.message.content },
		{
			onSlow: () =>
				mine ? interaction.deferUpdate() : interaction.deferReply({ flags: MessageFlags.Ephemeral }),
		},
	);
	if (!outcome.ok) {
		const { refusal } = outcome;
		// Repeated rate-limit presses are acknowledged without another message.
		if (refusal.kind === "rate-limited" && !refusal.notify && !interaction.deferred) {
			await interaction.deferUpdate();
			return;
		}
		const note = renderRefusal(refusal, interaction.user.id);
		if (interaction.deferred && !mine) {
			await interaction.editReply(note);
			return;
		}
		return tellPrivately(interaction, note);
	}
	const message = renderPage(outcome.view, {
		owner: interaction.user.id,
		shareable: mine ? wasPrivate : true,
		saveable: placeOf(interaction) !== null,
	});
	if (interaction.deferred) await interaction.editReply(message);
	else if (mine) await interaction.update(message);
	else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
}

/** Share: posts the private answer's page publicly, with buttons the sharer owns. */
async function share(interaction: ComponentInteraction, deps: Deps, token: string) {
	const outcome = await deps.catalog.show(
		actorOf(interaction),
		{ token, shown: interaction.message.content },
		{ onSlow: () => interaction.deferReply() },
	);
	if (!outcome.ok) {
		if (interaction.deferred) await interaction.deleteReply();
		return tellPrivately(interaction, renderRefusal(outcome.refusal, interaction.user.id));
	}
	const message = renderPage(outcome.view, {
		owner: interaction.user.id,
		shareable: false,
		saveable: placeOf(interaction) !== null,
	});
	if (interaction.deferred) await interaction.editReply(message);
	else await interaction.reply(message);
}

/**
 * The category browser's select menu and buttons. Browser messages are private, so they update in place,
 * deferred first because an uncached category is a paid call.
 */
async function browse(interaction: ComponentInteraction, deps: Deps, catId: number | undefined) {
	await interaction.deferUpdate();
	const outcome = await deps.catalog.browse(actorOf(interaction), catId);
	if (!outcome.ok) return tellPrivately(interaction, outcome.refusal.message);
	await interaction.editReply(renderBrowse(outcome.view, interaction.user.id));
}

/** Routes a button press or menu choice by its custom_id; anything unreadable gets a private note. */
export async function handleComponent(interaction: ComponentInteraction, deps: Deps): Promise<void> {
	const action = decodeCustomId(interaction.customId);
	if (!action) {
		deps.logger.info({ user: interaction.user.id }, "unreadable custom_id");
		return tellPrivately(interaction, badButtonText());
	}
	switch (action.kind) {
		case "noop":
			return interaction.deferUpdate().then(() => undefined);
		case "page":
			await page(interaction, deps, action);
			return;
		case "share":
			return share(interaction, deps, action.token);
		case "browse":
			return browse(interaction, deps, action.catId);
		case "browse-menu": {
			const chosen = interaction.isStringSelectMenu() ? Number(interaction.values[0]) : Number.NaN;
			if (!Number.isSafeInteger(chosen) || chosen < 1) return tellPrivately(interaction, badButtonText());
			return browse(interaction, deps, chosen);
		}
		case "save":
			return saveCard(interaction, deps, action.token);
		case "shortlist-page":
			return showShortlistPage(interaction, deps, action.page);
		case "shortlist-remove":
			return removeCard(interaction, deps, action.itemId, action.page);
		case "watch-remove":
			return interaction.isButton()
				? removeWatch(interaction, deps, action.position)
				: tellPrivately(interaction, badButtonText());
	}
}
