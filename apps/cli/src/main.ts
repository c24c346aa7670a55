import { existsSync } from "node:fs";
import { userInfo } from "node:os";
import type { Actor } from "@catbot/core";
import { ConfigError } from "@catbot/runtime";
import { CATEGORY_USAGE, parseCategoryArgs, SEARCH_USAGE, USAGE, UsageError } from "./args.js";
import { openEngine, openStoreRuntime } from "./engine.js";
import { EXIT } from "./exitCodes.js";
import { runCategoryCommand } from "./exportCommand.js";
import { checkOutPath } from "./outFile.js";
import { runSession } from "./session.js";
import { parseShortlistArgs, SHORTLIST_USAGE } from "./shortlistArgs.js";
import { runShortlistCommand } from "./shortlistCommand.js";
import { runSupervisor } from "./start.js";
import { sentence } from "./text.js";

const HELP_FLAGS = new Set(["--help", "-h", "help"]);

function actor(): Actor {
	const name =
		userInfo()
			.username.replaceAll(/[^\w.-]/g, "")
			.slice(0, 64) || "terminal";
	return { platform: "cli", userId: name };
}

async function demo(rest: readonly string[]): Promise<number> {
	if (rest.some((arg) => HELP_FLAGS.has(arg))) {
		process.stdout.write(`${USAGE}\n`);
		return EXIT.ok;
	}
	if (rest.length > 0) throw new UsageError(`The demo takes no arguments, not '${rest[0]?.slice(0, 40)}'.`);
	const engine = await openEngine(process.env, { allowDemo: true, interactive: true });
	try {
		await runSession(engine, actor(), process.stdin, process.stdout);
		return EXIT.ok;
	} finally {
		await engine.close();
	}
}

async function category(rest: readonly string[], kind: "category" | "search"): Promise<number> {
	const args = parseCategoryArgs(rest, kind);
	if (args.help) {
		process.stdout.write(`${kind === "search" ? SEARCH_USAGE : CATEGORY_USAGE}\n`);
		return EXIT.ok;
	}
	if (args.out !== undefined) checkOutPath(args.out);
	const engine = await openEngine(process.env, { allowDemo: args.demo, interactive: false });
	try {
		return await runCategoryCommand(engine, actor(), args);
	} finally {
		await engine.close();
	}
}

async function shortlist(rest: readonly string[]): Promise<number> {
	const args = parseShortlistArgs(rest);
	if (args.help) {
		process.stdout.write(`${SHORTLIST_USAGE}\n`);
		return EXIT.ok;
	}
	if (args.out !== undefined) checkOutPath(args.out, SHORTLIST_USAGE);
	const runtime = openStoreRuntime(process.env);
	try {
		return await runShortlistCommand(runtime, args);
	} finally {
		await runtime.close();
	}
}

async function main(argv: readonly string[]): Promise<number> {
	const [command, ...rest] = argv;
	// The bots read .env whatever else is set (the environment wins over it); the shortlist reads it the
	// same way, so DATA_DIR or DATABASE_URL kept there lead it to the bots' store.
	const readEnvFile = command === "shortlist" || process.env.TMAPI_TOKEN === undefined;
	if (readEnvFile && existsSync(".env")) process.loadEnvFile(".env");
	if (command === undefined || HELP_FLAGS.has(command)) {
		process.stdout.write(`${USAGE}\n`);
		return EXIT.ok;
	}
	if (command === "demo") return demo(rest);
	if (command === "category" || command === "search") return category(rest, command);
	if (command === "shortlist") return shortlist(rest);
	if (command === "start") {
		if (rest.some((arg) => HELP_FLAGS.has(arg))) {
			process.stdout.write(`${USAGE}\n`);
			return EXIT.ok;
		}
		return runSupervisor();
	}
	const what = command.startsWith("-") ? "option" : "command";
	throw new UsageError(`Unknown ${what} '${command.slice(0, 40)}'.`);
}

/**
 * Exits once stdout and stderr have handed everything on: process.exit drops what a pipe has not taken
 * yet, which cut a large CSV piped into another program. An empty write's callback runs after the writes
 * before it.
 */
function exitAfterFlush(code: number): void {
	let pending = 2;
	const done = () => {
		pending -= 1;
		if (pending === 0) process.exit(code);
	};
	process.stdout.write("", done);
	process.stderr.write("", done);
}

main(process.argv.slice(2)).then(exitAfterFlush, (error: unknown) => {
	if (error instanceof UsageError) {
		process.stderr.write(`catbot: ${error.message}\n${error.usage}\n`);
		return exitAfterFlush(EXIT.badInput);
	}
	if (error instanceof ConfigError) {
		const problems = error.problems.map(sentence);
		const text = problems.length === 1 ? problems[0] : ["Invalid configuration:", ...problems].join("\n- ");
		process.stderr.write(`catbot: ${text}\n`);
		return exitAfterFlush(EXIT.badInput);
	}
	process.stderr.write(`catbot: ${error instanceof Error ? error.message : String(error)}\n`);
	exitAfterFlush(EXIT.failure);
});
