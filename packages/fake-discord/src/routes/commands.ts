import { invalidFormBody, missingAccess, unknownCommand } from "../http/ApiFailure.js";
import type { RestAnswer } from "../http/respond.js";
import type { RestRequest, Route } from "../http/router.js";
import { isJsonObject } from "../json.js";
import { checkCommand, checkCommandList } from "../limits/commandLimits.js";
import { createFormErrors } from "../limits/formErrors.js";
import type { CommandScope } from "../state/commands.js";
import type { FakeState } from "../state/state.js";
import { requireObject } from "./messageBody.js";

/**
 * Creates the application command routes, global (`/applications/:app/commands`) and per guild
 * (`/applications/:app/guilds/:guild/commands`): bulk overwrite (PUT), list, create, get, edit, delete.
 */
export function commandRoutes(state: FakeState): Route[] {
	function scopeOf(request: RestRequest): CommandScope {
		// Another application's commands, or a guild the bot is not in: Discord says Missing Access.
		if (request.params.app !== state.bot.applicationId) throw missingAccess();
		const guildId = request.params.guild;
		if (guildId !== undefined && !state.guilds.get(guildId)) throw missingAccess();
		return guildId;
	}

	function overwrite(request: RestRequest): RestAnswer {
		const scope = scopeOf(request);
		const errors = createFormErrors();
		if (!Array.isArray(request.body)) {
			errors.add([], { code: "LIST_TYPE_CONVERT", message: "Only iterables may be used in a ListType" });
			throw invalidFormBody(errors.tree());
		}
		checkCommandList(errors, request.body);
		if (!errors.isEmpty) throw invalidFormBody(errors.tree());
		const commands = state.commands.overwrite(scope, request.body.filter(isJsonObject));
		state.waiters.notify();
		return { status: 200, body: commands };
	}

	function create(request: RestRequest): RestAnswer {
		const scope = scopeOf(request);
		const body = requireObject(request.body);
		const errors = createFormErrors();
		checkCommand(errors, [], body);
		if (!errors.isEmpty) throw invalidFormBody(errors.tree());
		const { command, created } = state.commands.upsert(scope, body);
		state.waiters.notify();
		return { status: created ? 201 : 200, body: command };
	}

	function get(request: RestRequest): RestAnswer {
		const command = state.commands.get(scopeOf(request), request.params.command ?? "");
		if (!command) throw unknownCommand();
		return { status: 200, body: command };
	}

	function patch(request: RestRequest): RestAnswer {
		const scope = scopeOf(request);
		const body = requireObject(request.body);
		const errors = createFormErrors();
		checkCommand(errors, [], body, true);
		if (!errors.isEmpty) throw invalidFormBody(errors.tree());
		const command = state.commands.patch(scope, request.params.command ?? "", body);
		if (!command) throw unknownCommand();
		state.waiters.notify();
		return { status: 200, body: command };
	}

	function remove(request: RestRequest): RestAnswer {
		if (!state.commands.remove(scopeOf(request), request.params.command ?? "")) throw unknownCommand();
		state.waiters.notify();
		return { status: 204 };
	}

	const routes: Route[] = [];
	for (const base of ["/applications/:app/commands", "/applications/:app/guilds/:guild/commands"]) {
		const one = `${base}/:command`;
		routes.push(
			{
				method: "GET",
				pattern: base,
				auth: true,
				handle: (r) => ({ status: 200, body: state.commands.list(scopeOf(r)) }),
			},
			{ method: "PUT", pattern: base, auth: true, handle: overwrite },
			{ method: "POST", pattern: base, auth: true, handle: create },
			{ method: "GET", pattern: one, auth: true, handle: get },
			{ method: "PATCH", pattern: one, auth: true, handle: patch },
			{ method: "DELETE", pattern: one, auth: true, handle: remove },
		);
	}
	return routes;
}
