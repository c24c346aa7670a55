import type { Place } from "@catbot/core";
import type { ButtonInteraction, ChatInputCommandInteraction, Interaction } from "discord.js";
import { actorOf, type Deps, placeOf } from "../context.js";
import { botIsMember } from "../installation.js";
import { renderRefusal } from "../render/refusal.js";
import { plain } from "../render/text.js";
import { renderWatchList } from "../render/watch.js";
import { refuseCommand, tellPrivately } from "../respond.js";
import { once, withinAckWindow } from "../timing.js";
import { deliverNow } from "../watchPost.js";
import { queryOptions } from "./category.js";
import { refuseComponent } from "./shortlistComponents.js";

/** The answer to any watch command outside a server channel. */
export const NO_WATCHES_HERE = "Watches belong to a server channel: use /watch in one.";

/** The answer in a server only a user install reached: nothing could post the watch's finds there. */
export const WATCHES_NEED_THE_BOT =
	"Watches need the bot in this server: add it with the server install link.";

/**
 * The channel whose watches these are, or the private answer why there are none: watches post on their
 * own, later, so they live only in server channels the bot is in. The commands are offered only through
 * the server install; this also covers a registration older than that.
 */
function watchPlace(interaction: Interaction): Place | string {
	const place = interaction.guildId ? placeOf(interaction) : null;
	if (!place) return NO_WATCHES_HERE;
	return botIsMember(interaction) ? place : WATCHES_NEED_THE_BOT;
}

/**
 * /watch: the /category query (without page and size) and `every`. The first check runs at once, so the
 * answer is deferred when it is slow; the answer says what is watched, and the first run's cards follow
 * as the channel post every later run makes. Refusals are private.
 */
export async function handleWatch(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
	const place = watchPlace(interaction);
	if (typeof place === "string") return tellPrivately(interaction, place);
	const every = interaction.options.getString("every");
	const options = { ...queryOptions(interaction), ...(every === null ? {} : { every }) };
	const outcome = await withinAckWindow(
		() => deps.watches.create(actorOf(interaction), place, { options }),
		once(() => interaction.deferReply()),
	);
	if (!outcome.ok) {
		await refuseCommand(interaction, renderRefusal(outcome.refusal, interaction.user.id), false);
		return;
	}
	const { view } = outcome;
	const answer = { content: plain(view.text), allowedMentions: { parse: [] as [] } };
	if (view.status !== "created") {
		// Nothing changed for the channel: only the asker needs to know.
		if (interaction.deferred) await interaction.deleteReply();
		await tellPrivately(interaction, answer.content);
		return;
	}
	if (interaction.deferred) await interaction.editReply(answer);
	else await interaction.reply(answer);
	if (view.post) await deliverNow(interaction.client, deps.watches, view.post, deps.logger);
}

/** /watches: the channel's watches with their next run and last result, and a remove button each. */
export async function handleWatches(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
	const place = watchPlace(interaction);
	if (typeof place === "string") return tellPrivately(interaction, place);
	const outcome = await withinAckWindow(
		() => deps.watches.list(actorOf(interaction), place),
		once(() => interaction.deferReply()),
	);
	if (!outcome.ok) {
		await refuseCommand(interaction, renderRefusal(outcome.refusal, interaction.user.id), false);
		return;
	}
	const message = renderWatchList(outcome.view);
	if (interaction.deferred) await interaction.editReply(message);
	else await interaction.reply(message);
}

/** /unwatch n: removes the watch numbered n in /watches; the channel sees that it stopped. */
export async function handleUnwatch(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
	const place = watchPlace(interaction);
	if (typeof place === "string") return tellPrivately(interaction, place);
	const position = interaction.options.getInteger("n", true);
	const outcome = await withinAckWindow(
		() => deps.watches.remove(actorOf(interaction), place, position),
		once(() => interaction.deferReply()),
	);
	if (!outcome.ok) {
		await refuseCommand(interaction, renderRefusal(outcome.refusal, interaction.user.id), false);
		return;
	}
	const answer = { content: plain(outcome.view.text), allowedMentions: { parse: [] as [] } };
	if (outcome.view.status === "missing") {
		if (interaction.deferred) await interaction.deleteReply();
		await tellPrivately(interaction, answer.content);
	} else if (interaction.deferred) await interaction.editReply(answer);
	else await interaction.reply(answer);
}

/**
 * A "✖ Remove n" button under /watches: any member may remove a watch. The list is shown again in place
 * and the remover is told privately what stopped.
 */
export async function removeWatch(
	interaction: ButtonInteraction,
	deps: Deps,
	position: number,
): Promise<void> {
	const place = watchPlace(interaction);
	if (typeof place === "string") return tellPrivately(interaction, place);
	const actor = actorOf(interaction);
	const defer = once(() => interaction.deferUpdate());
	const removed = await withinAckWindow(() => deps.watches.remove(actor, place, position), defer);
	if (!removed.ok) return refuseComponent(interaction, removed.refusal);
	const listed = await withinAckWindow(() => deps.watches.list(actor, place), defer);
	if (listed.ok) {
		const message = renderWatchList(listed.view);
		if (interaction.deferred) await interaction.editReply(message);
		else await interaction.update(message);
	}
	await tellPrivately(interaction, plain(removed.view.text));
}
