import { type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import { actorOf, type Deps, placeOf } from "../context.js";
import { renderPage } from "../render/page.js";
import { renderRefusal } from "../render/refusal.js";
import { refuseCommand } from "../respond.js";

/** The command's options as core's query input; absent options stay absent so core's defaults apply. */
export function queryOptions(interaction: ChatInputCommandInteraction): Record<string, unknown> {
	const o = interaction.options;
	const entries: [string, unknown][] = [
		// /search has a keyword instead of cat_id; /export and /watch take either, and core says which it is.
		["catId", o.getInteger("cat_id")],
		["keyword", o.getString("keyword")],
		["api", o.getString("api")],
		["sort", o.getString("sort")],
		["page", o.getInteger("page")],
		["pageSize", o.getInteger("size")],
		["priceMin", o.getNumber("min_price")],
		["priceMax", o.getNumber("max_price")],
		["freeShipping", o.getBoolean("free_shipping")],
		["dropshipping", o.getBoolean("dropshipping")],
		["superFactory", o.getBoolean("super_factory")],
		["newArrival", o.getBoolean("new_arrival")],
		["language", o.getString("language")],
	];
	return Object.fromEntries(entries.filter(([, value]) => value !== null));
}

/**
 * /category and /search: the options go through the same core schema as Telegram's text. An uncached page is deferred
 * first (Discord wants an answer within 3 s), then the reply is edited in. Refusals are private.
 */
export async function handleCategory(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
	const isPrivate = interaction.options.getBoolean("private") ?? false;
	const flags = isPrivate ? MessageFlags.Ephemeral : undefined;
	const outcome = await deps.catalog.show(
		actorOf(interaction),
		{ options: queryOptions(interaction) },
		{ onSlow: () => interaction.deferReply(flags ? { flags } : {}) },
	);
	if (!outcome.ok) {
		await refuseCommand(interaction, renderRefusal(outcome.refusal, interaction.user.id), isPrivate);
		return;
	}
	const message = renderPage(outcome.view, {
		owner: interaction.user.id,
		shareable: isPrivate,
		saveable: placeOf(interaction) !== null,
	});
	if (interaction.deferred) await interaction.editReply(message);
	else await interaction.reply(flags ? { ...message, flags } : message);
}
