import { Client, Events, GatewayIntentBits, type Interaction } from "discord.js";
import type { Deps } from "./context.js";
import { handleAutocomplete } from "./interactions/autocomplete.js";
import { handleCategories } from "./interactions/categories.js";
import { handleCategory } from "./interactions/category.js";
import { handleComponent } from "./interactions/components.js";
import { handleExport } from "./interactions/export.js";
import { handleHelp } from "./interactions/help.js";
import { handleShortlist } from "./interactions/shortlist.js";
import { handleUnwatch, handleWatch, handleWatches } from "./interactions/watch.js";
import { describeError, tellPrivately, tolerate } from "./respond.js";

async function route(interaction: Interaction, deps: Deps): Promise<void> {
	if (interaction.isAutocomplete()) return handleAutocomplete(interaction, deps);
	if (interaction.isChatInputCommand()) {
		if (interaction.commandName === "category" || interaction.commandName === "search") {
			return handleCategory(interaction, deps);
		}
		if (interaction.commandName === "export") return handleExport(interaction, deps);
		if (interaction.commandName === "shortlist") return handleShortlist(interaction, deps);
		if (interaction.commandName === "watch") return handleWatch(interaction, deps);
		if (interaction.commandName === "watches") return handleWatches(interaction, deps);
		if (interaction.commandName === "unwatch") return handleUnwatch(interaction, deps);
		if (interaction.commandName === "categories") return handleCategories(interaction, deps);
		if (interaction.commandName === "help") return handleHelp(interaction);
		return tellPrivately(interaction, "I don't know that command. Try /help.");
	}
	if (interaction.isButton() || interaction.isStringSelectMenu()) return handleComponent(interaction, deps);
}

/** Options of {@link createClient}. */
export interface ClientOptions {
	/** REST API root (`DISCORD_API_BASE`); the gateway URL comes from its /gateway/bot. */
	readonly apiBase: string;
}

/**
 * The Discord client: minimal intents (Guilds), no mentions allowed in anything it sends, every
 * interaction routed to its handler, and every failure logged rather than thrown.
 */
export function createClient(deps: Deps, options: ClientOptions): Client {
	const client = new Client({
		intents: [GatewayIntentBits.Guilds],
		rest: { api: options.apiBase },
		allowedMentions: { parse: [], repliedUser: false },
	});
	client.on(Events.InteractionCreate, (interaction) => {
		tolerate(deps.logger, "interaction", () => route(interaction, deps)).catch(async (error: unknown) => {
			deps.logger.error({ err: describeError(error), interaction: interaction.id }, "interaction failed");
			if (interaction.isRepliable()) {
				await tolerate(deps.logger, "error reply", () =>
					tellPrivately(interaction, "Something went wrong. Please try again."),
				).catch(() => undefined);
			}
		});
	});
	client.on(Events.Error, (error) =>
		deps.logger.error({ err: describeError(error) }, "discord client error"),
	);
	client.on(Events.Warn, (message) => deps.logger.warn({ message }, "discord client warning"));
	return client;
}
