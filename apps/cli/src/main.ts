import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import type { Actor } from "@catbot/core";
import { ConfigError } from "@catbot/runtime";
import { openEngine } from "./engine.js";
import { EXIT } from "./exitCodes.js";
import { runCategoryCommand } from "./exportCommand.js";
import { runSession } from "./session.js";
import { runSupervisor } from "./start.js";

const USAGE = `Usage:
  catbot demo                         interactive session (demo data unless TMAPI_TOKEN is set)
  catbot category <query> [options]   print or save products
      --sort <default|sales|price_up|price_down>
      --pages <n>                     pages of products to read (default 1)
      --format <table|json|csv>       default table
      --out <file>                    write to a file instead of stdout
      --demo                          use the bundled demo data when TMAPI_TOKEN is not set
  catbot start                        run every bot whose token is set
Exit codes: 0 ok, 2 bad input or configuration, 3 refused (access, rate limit, budget), 4 upstream failure.`;

function actor(): Actor {
	const name =
		userInfo()
			.username.replaceAll(/[^\w.-]/g, "")
			.slice(0, 64) || "terminal";
	return { platform: "cli", userId: name };
}

async function main(argv: string[]): Promise<number> {
	if (process.env.TMAPI_TOKEN === undefined) {
		const { existsSync } = await import("node:fs");
		if (existsSync(".env")) process.loadEnvFile(".env");
	}
	const [command, ...rest] = argv;
	if (command === "start") return runSupervisor();
	if (command === "demo") {
		const engine = await openEngine(process.env, true);
		try {
			await runSession(engine, actor(), process.stdin, process.stdout);
			return EXIT.ok;
		} finally {
			await engine.close();
		}
	}
	if (command === "category") {
		const { values, positionals } = parseArgs({
			args: rest,
			allowPositionals: true,
			options: {
				sort: { type: "string" },
				pages: { type: "string", default: "1" },
				format: { type: "string", default: "table" },
				out: { type: "string" },
				demo: { type: "boolean", default: false },
			},
		});
		const pages = Number(values.pages);
		if (!Number.isInteger(pages) || pages < 1)
			throw new UsageError("--pages must be a whole number of at least 1");
		if (values.format !== "table" && values.format !== "json" && values.format !== "csv") {
			throw new UsageError("--format must be table, json or csv");
		}
		if (positionals.length === 0)
			throw new UsageError("Tell me a category, e.g. catbot category 1031910 --sort sales");
		const query = [...positionals, ...(values.sort ? [`sort:${values.sort}`] : [])].join(" ");
		const engine = await openEngine(process.env, values.demo);
		try {
			return await runCategoryCommand(engine, actor(), {
				query,
				pages,
				format: values.format,
				out: values.out,
			});
		} finally {
			await engine.close();
		}
	}
	process.stdout.write(`${USAGE}\n`);
	return command === undefined || command === "help" || command === "--help" ? EXIT.ok : EXIT.badInput;
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error: unknown) => {
		if (error instanceof ConfigError || error instanceof UsageError) {
			process.stderr.write(`catbot: ${error.message}\n`);
			process.exit(EXIT.badInput);
		}
		// parseArgs reports unknown options as TypeErrors with a code; those are bad input too.
		if ((error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
			process.stderr.write(`catbot: ${(error as Error).message}\n${USAGE}\n`);
			process.exit(EXIT.badInput);
		}
		process.stderr.write(`catbot: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(EXIT.failure);
	},
);
