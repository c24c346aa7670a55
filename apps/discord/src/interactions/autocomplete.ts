import { truncateText } from "@catbot/core";
import type { AutocompleteInteraction } from "discord.js";
import type { Deps } from "../context.js";

/**
 * cat_id autocomplete, from the categories the engine already knows: answered from memory within
 * Discord's 3-second window, never a paid call.
 */
export async function handleAutocomplete(interaction: AutocompleteInteraction, deps: Deps): Promise<void> {
	const typed = String(interaction.options.getFocused()).trim();
	const choices = deps.catalog.suggestCategories(typed, 25).map((ref) => ({
		name: truncateText(`${ref.nameEn ?? ref.name} · ${ref.name} (${ref.id})`, 100),
		value: Number(ref.id),
	}));
	if (/^[1-9]\d{0,15}$/.test(typed) && !choices.some((c) => String(c.value) === typed)) {
		choices.unshift({ name: typed, value: Number(typed) });
	}
	await interaction.respond(choices.slice(0, 25));
}
