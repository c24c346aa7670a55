import { existsSync } from "node:fs";
import { userInfo } from "node:os";
import type { Actor } from "@catbot/core";
import { ConfigError } from "@catbot/runtime";
import { CATEGORY_USAGE, parseCategoryArgs, USAGE, UsageError } from "./args.js";
import { openEngine } from "./engine.js";
import { EXIT } from "./exitCodes.js";
import { checkOutPath, runCategoryCommand } from "./exportCommand.js";
import { runSession } from "./session.js";
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

async function category(rest: readonly string[]): Promise<number> {
	const args = parseCategoryArgs(rest);
	if (args.help) {
		process.stdout.write(`${CATEGORY_USAGE}\n`);
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

async function main(argv: readonly string[]): Promise<number> {
	if (process.env.TMAPI_TOKEN === undefined && existsSync(".env")) process.loadEnvFile(".env");
	const [command, ...rest] = argv;
	if (command === undefined || HELP_FLAGS.has(command)) {
		process.stdout.write(`${USAGE}\n`);
		return EXIT.ok;
	}
	if (command === "demo") return demo(rest);
	if (command === "category") return category(rest);
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

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error: unknown) => {
		if (error instanceof UsageError) {
			process.stderr.write(`catbot: ${error.message}\n${error.usage}\n`);
			process.exit(EXIT.badInput);
		}
		if (error instanceof ConfigError) {
			const problems = error.problems.map(sentence);
			const text = problems.length === 1 ? problems[0] : ["Invalid configuration:", ...problems].join("\n- ");
			process.stderr.write(`catbot: ${text}\n`);
			process.exit(EXIT.badInput);
		}
		process.stderr.write(`catbot: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(EXIT.failure);
	},
);
