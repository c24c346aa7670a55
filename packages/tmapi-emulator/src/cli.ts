#!/usr/bin/env node
import { CLI_USAGE, parseCliArgs } from "./cliArgs.js";
import { startTmapiEmulator } from "./server.js";

async function main(): Promise<void> {
	let parsed: ReturnType<typeof parseCliArgs>;
	try {
		parsed = parseCliArgs(process.argv.slice(2));
	} catch (error) {
		console.error(`${error instanceof Error ? error.message : String(error)}\n${CLI_USAGE}`);
		process.exitCode = 2;
		return;
	}
	if (parsed.help) {
		console.log(CLI_USAGE);
		return;
	}
	const emulator = await startTmapiEmulator(parsed.options);
	console.log(`tmapi-emulator listening on ${emulator.url}`);
	const stop = (): void => {
		// Once the server is closed nothing keeps the event loop alive, so the process ends on its own.
		emulator.close().catch((error: unknown) => {
			console.error(error);
			process.exitCode = 1;
		});
	};
	process.once("SIGINT", stop);
	process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
