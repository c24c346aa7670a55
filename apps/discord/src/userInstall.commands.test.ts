import { fileURLToPath } from "node:url";
import { startFakeDiscord } from "@catbot/fake-discord";
import { killAll, runUntilExit } from "@catbot/testkit";
import { REST, Routes } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { COMMANDS } from "./commands.js";
import { NO_WATCHES_HERE, WATCHES_NEED_THE_BOT } from "./interactions/watch.js";
import { settled } from "./test-support/components.js";
import { asker, CHANNEL, GUILD } from "./test-support/harness.js";
import {
	ELSEWHERE_CHANNEL,
	expectOnlyInteractions,
	registerGlobally,
	runElsewhere,
} from "./test-support/userInstall.js";
import { postNumber, posts, startWatching } from "./test-support/watches.js";

const REGISTER_MAIN = fileURLToPath(new URL("../dist/registerMain.js", import.meta.url));
afterEach(killAll);

const EVERYWHERE = { integration_types: [0, 1], contexts: [0, 1, 2] };
const SERVER_INSTALL_ONLY = { integration_types: [0], contexts: [0, 1] };
const NEEDS_THE_BOT = ["unwatch", "watch", "watches"];

describe("registering for server and user installs", () => {
	it("`register:discord` registers every command globally with where it can be installed and used", async () => {
		const discord = await startFakeDiscord();
		try {
			const { code, output } = await runUntilExit(REGISTER_MAIN, {
				env: {
					DISCORD_TOKEN: discord.token,
					DISCORD_APPLICATION_ID: discord.applicationId,
					DISCORD_API_BASE: discord.apiBase,
				},
			});
			expect(code).toBe(0);
			expect(output).toContain('"scope":"global"');
			expect(output).not.toContain(discord.token);
			const registered = discord.commands;
			expect(registered.map((c) => c.name).sort()).toEqual(COMMANDS.map((c) => c.name).sort());
			for (const command of registered) {
				expect(command.guild_id).toBeUndefined();
				const reach = NEEDS_THE_BOT.includes(command.name) ? SERVER_INSTALL_ONLY : EVERYWHERE;
				expect({ name: command.name, ...reach }).toEqual({
					name: command.name,
					integration_types: command.integration_types,
					contexts: command.contexts,
				});
			}
			expect(registered.filter((c) => c.integration_types.includes(1)).map((c) => c.name)).toHaveLength(
				COMMANDS.length - NEEDS_THE_BOT.length,
			);
		} finally {
			await discord.close();
		}
	});
});

describe("watches, which need the bot in the channel", () => {
	it("are not offered through a user install where the bot is not; the server install still posts in the channel", async () => {
		const { h } = await startWatching();
		await registerGlobally(h);
		for (const where of ["server", "group-dm"] as const) {
			for (const name of NEEDS_THE_BOT) {
				const options = name === "watch" ? { cat_id: 1031910 } : name === "unwatch" ? { n: 1 } : {};
				await expect(runElsewhere(h, where, name, options)).rejects.toThrow(/cannot invoke/);
			}
		}
		// A user with both installs, in a server the bot is in: the watch posts in the channel as before.
		const command = await h.discord.runCommand({
			guildId: GUILD,
			channelId: CHANNEL,
			user: asker,
			name: "watch",
			options: [{ name: "cat_id", type: 4, value: 1031910 }],
			authorizingIntegrationOwners: { "0": GUILD, "1": asker.id },
		});
		expect((await settled(command)).content).toMatch(/^👁 Watching \/category 1031910/);
		await postNumber(h, command, 1);
		expect(
			h.discord.requests.filter((r) => r.method === "POST" && r.path === `/channels/${CHANNEL}/messages`),
		).toHaveLength(1);
		expect(posts(h)).toHaveLength(1);
		expect(h.discord.violations).toEqual([]);
	});

	it("answer privately where the bot is not, should an older registration still offer them", async () => {
		const { h } = await startWatching();
		// What Discord would keep from a registration that offered every command everywhere.
		const rest = new REST({ api: h.discord.apiBase }).setToken(h.discord.token);
		await rest.put(Routes.applicationCommands(h.discord.applicationId), {
			body: COMMANDS.map((c) => ({ ...c, ...EVERYWHERE })),
		});
		const answers = [];
		for (const name of NEEDS_THE_BOT) {
			const options = name === "watch" ? { cat_id: 1031910 } : name === "unwatch" ? { n: 1 } : {};
			answers.push(await settled(await runElsewhere(h, "server", name, options)));
			answers.push(await settled(await runElsewhere(h, "group-dm", name, options)));
		}
		expect(answers.map((a) => [a.ephemeral, a.content])).toEqual(
			NEEDS_THE_BOT.flatMap(() => [
				[true, WATCHES_NEED_THE_BOT],
				[true, NO_WATCHES_HERE],
			]),
		);
		expect(WATCHES_NEED_THE_BOT).toBe(
			"Watches need the bot in this server: add it with the server install link.",
		);
		expectOnlyInteractions(h, ELSEWHERE_CHANNEL);
		expect(h.emu.stats.requests).toBe(0);
	});
});
