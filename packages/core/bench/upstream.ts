import { spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The emulator in a process of its own, as a real upstream would be: its CPU work stays out of our figures. */
export async function spawnEmulator(
	token: string,
	latencyMs: number,
): Promise<{ url: string; stop(): Promise<void> }> {
	const entry = createRequire(import.meta.url).resolve("@catbot/tmapi-emulator");
	const child = spawn(
		process.execPath,
		[join(dirname(entry), "cli.js"), "--port", "0", "--latency", String(latencyMs), "--token", token],
		{
			stdio: ["ignore", "pipe", "inherit"],
		},
	);
	let output = "";
	for await (const chunk of child.stdout) {
		output += String(chunk);
		const match = /listening on (\S+)/.exec(output);
		if (match?.[1]) {
			const url = match[1];
			return {
				url,
				async stop() {
					const exited = once(child, "exit");
					child.kill("SIGTERM");
					await exited;
				},
			};
		}
	}
	throw new Error(`the emulator did not start: ${output}`);
}
