import type { Route } from "../http/router.js";
import type { JsonObject } from "../json.js";
import type { FakeState } from "../state/state.js";
import { apiUser } from "../users.js";

/** Where the gateway listens, known once the server is up. */
export type GatewayUrl = () => string;

function application(state: FakeState): JsonObject {
	return {
		id: state.bot.applicationId,
		name: state.bot.user.username,
		icon: null,
		description: "",
		summary: "",
		type: null,
		bot: apiUser(state.bot.user, true),
		bot_public: true,
		bot_require_code_grant: false,
		verify_key: "0".repeat(64),
		flags: 0,
		team: null,
		owner: { ...apiUser({ id: "1", username: "owner" }) },
		approximate_guild_count: state.guilds.list().length,
		interactions_endpoint_url: null,
		tags: [],
	};
}

/** Creates the routes that say who the bot is and where the gateway is. */
export function identityRoutes(state: FakeState, gatewayUrl: GatewayUrl): Route[] {
	return [
		{
			method: "GET",
			pattern: "/users/@me",
			auth: true,
			handle: () => ({ status: 200, body: apiUser(state.bot.user, true) }),
		},
		{
			method: "GET",
			pattern: "/applications/@me",
			auth: true,
			handle: () => ({ status: 200, body: application(state) }),
		},
		{
			method: "GET",
			pattern: "/oauth2/applications/@me",
			auth: true,
			handle: () => ({ status: 200, body: application(state) }),
		},
		{
			method: "GET",
			pattern: "/gateway",
			auth: false,
			handle: () => ({ status: 200, body: { url: gatewayUrl() } }),
		},
		{
			method: "GET",
			pattern: "/gateway/bot",
			auth: true,
			handle: () => ({
				status: 200,
				body: {
					url: gatewayUrl(),
					shards: 1,
					session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
				},
			}),
		},
	];
}
