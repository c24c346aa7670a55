import { type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import { actorOf, type Deps } from "../context.js";
import { renderBrowse } from "../render/browse.js";

/**
 * /categories: the top of the tree, privately (browsing is personal; results can be shared later).
 * Deferred first: a category lookup not yet cached is a paid call that may take longer than 3 s.
 */
export async function handleCategories(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
	await interaction.deferReply({ flags: MessageFlags.Ephemeral });
	const outcome = await deps.catalog.browse(actorOf(interaction));
	if (!outcome.ok) {
		await interaction.editReply({ content: outcome.refusal.message });
		return;
	}
	await interaction.editReply(renderBrowse(outcome.view, interaction.user.id));
}
