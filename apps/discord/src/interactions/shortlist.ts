import type { Place } from "@catbot/core";
import { type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import { actorOf, type Deps, placeOf } from "../context.js";
import { renderRefusal } from "../render/refusal.js";
import { renderShortlist } from "../render/shortlist.js";
import { plain } from "../render/text.js";
import { refuseCommand, tellPrivately } from "../respond.js";
import { once, withinAckWindow } from "../timing.js";

/** The answer to any shortlist action outside a server channel. */
export const NO_SHORTLIST_HERE = "The shortlist belongs to a server channel: use /shortlist in one.";

/** /shortlist export:true: the whole list as a CSV file, made by the same writer as every export. */
async function exportShortlist(
	interaction: ChatInputCommandInteraction,
	deps: Deps,
	place: Place,
	isPrivate: boolean,
): Promise<void> {
	// Deferred at once: a long list is read in several store pages.
	await interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {});
	const outcome = await deps.shortlist.export(actorOf(interaction), place);
	if (!outcome.ok) {
		await refuseCommand(interaction, renderRefusal(outcome.refusal, interaction.user.id), isPrivate);
		return;
	}
	const { view } = outcome;
	await interaction.editReply({
		content: view.count === 0 ? plain(view.text) : `✅ ${plain(view.text)}`,
		files: view.count === 0 ? [] : [{ attachment: Buffer.from(view.csv, "utf8"), name: view.fileName }],
		allowedMentions: { parse: [] },
	});
}

/**
 * /shortlist: a page of the channel's saved cards (newest first), or with `export` the whole list as CSV.
 * Public unless `private`, since the list is the channel's; refusals are private.
 */
export async function handleShortlist(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
	const place = placeOf(interaction);
	if (!place) return tellPrivately(interaction, NO_SHORTLIST_HERE);
	const isPrivate = interaction.options.getBoolean("private") ?? false;
	if (interaction.options.getBoolean("export")) return exportShortlist(interaction, deps, place, isPrivate);
	const flags = isPrivate ? MessageFlags.Ephemeral : undefined;
	const outcome = await withinAckWindow(
		() => deps.shortlist.list(actorOf(interaction), place, interaction.options.getInteger("page") ?? 1),
		once(() => interaction.deferReply(flags ? { flags } : {})),
	);
	if (!outcome.ok) {
		await refuseCommand(interaction, renderRefusal(outcome.refusal, interaction.user.id), isPrivate);
		return;
	}
	const message = renderShortlist(outcome.view);
	if (interaction.deferred) await interaction.editReply(message);
	else await interaction.reply(flags ? { ...message, flags } : message);
}
