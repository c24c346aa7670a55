import { parseArgs } from "node:util";
import { ENDPOINT_PATHS } from "./router.js";
import type { TmapiEmulatorOptions } from "./server.js";

/** Usage text printed by the CLI on --help or bad arguments. */
export const CLI_USAGE =
	"Usage: node dist/cli.js [--port 8787] [--latency 50] [--seed 1688] [--token SECRET]\n" +
	"Serves the TMAPI emulator on 127.0.0.1 until SIGINT or SIGTERM.\n" +
	`Endpoints (GET): ${Object.values(ENDPOINT_PATHS).join(", ")}.`;

function integer(name: string, value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const number = Number(value);
	if (!/^\d+$/.test(value) || !Number.isSafeInteger(number))
		throw new TypeError(`--${name} must be a non-negative integer`);
	return number;
}

/** Turns command-line arguments into emulator options; `help` asks the caller to print {@link CLI_USAGE}. */
export function parseCliArgs(argv: readonly string[]): { help: boolean; options: TmapiEmulatorOptions } {
	const { values } = parseArgs({
		args: [...argv],
		options: {
			port: { type: "string" },
			latency: { type: "string" },
			seed: { type: "string" },
			token: { type: "string" },
			help: { type: "boolean", short: "h" },
		},
		strict: true,
	});
	const port = integer("port", values.port);
	const latencyMs = integer("latency", values.latency);
	const seed = integer("seed", values.seed);
	return {
		help: values.help ?? false,
		options: {
			...(port === undefined ? {} : { port }),
			...(latencyMs === undefined ? {} : { latencyMs }),
			...(seed === undefined ? {} : { seed }),
			...(values.token === undefined ? {} : { apiToken: values.token }),
		},
	};
}
