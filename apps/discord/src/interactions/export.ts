import { productsToCsv } from "@catbot/core";
import { type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import { actorOf, type Deps } from "../context.js";
import { renderRefusal } from "../render/refusal.js";
import { refuseCommand } from "../respond.js";
import { queryOptions } from "./category.js";

/**
 * /export: deferred at once (an export reads several pages), progress shown by editing the reply, then
 * the products attached as a CSV file.
 */
export async function handleExport(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
	const isPrivate = interaction.options.getBoolean("private") ?? false;
	await interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {});
	const pages = interaction.options.getInteger("pages");
	const outcome = await deps.catalog.export(
		actorOf(interaction),
		{ options: queryOptions(interaction) },
		{
			...(pages === null ? {} : { pages }),
			onProgress: (_done, _total, line) => interaction.editReply({ content: line }),
		},
	);
	if (!outcome.ok) {
		await refuseCommand(interaction, renderRefusal(outcome.refusal, interaction.user.id), isPrivate);
		return;
	}
	const { view } = outcome;
	await interaction.editReply({
		content: `✅ \`${view.command}\`: ${view.summary}`,
		files: [{ attachment: Buffer.from(productsToCsv(view.products), "utf8"), name: view.fileName }],
		allowedMentions: { parse: [] },
	});
}
