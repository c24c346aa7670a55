import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";

/** A child process started by {@link runProcess}. */
export interface RunningProcess {
	readonly child: ChildProcess;
	/** Everything written to stdout and stderr so far. */
	output(): string;
	/** Only stdout so far. */
	stdout(): string;
	/** Writes a line to its stdin. */
	type(line: string): void;
	/**
	 * Resolves with the exit code (or signal) once it has exited and its stdout and stderr have ended, so
	 * {@link output} then holds everything it wrote.
	 */
	readonly exited: Promise<[number | null, NodeJS.Signals | null]>;
	/** Resolves when the output contains `text`; rejects with the output so far after `timeoutMs` (default 30 s: a start on a loaded machine is slow). */
	waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Kills every process {@link runProcess} started that is still alive; call it in afterEach. */
export function killAll(): void {
	for (const child of running) child.kill("SIGKILL");
	running.clear();
}

/**
 * Runs `node <entry> ...args` with exactly the environment given (plus PATH), the way a person would start
 * the program, with stdin open for typing.
 */
export function runProcess(
	entry: string,
	options: { args?: readonly string[]; env?: Record<string, string>; cwd?: string } = {},
): RunningProcess {
	const child = spawn(process.execPath, [entry, ...(options.args ?? [])], {
		env: { PATH: process.env.PATH ?? "", ...options.env },
		stdio: ["pipe", "pipe", "pipe"],
		...(options.cwd ? { cwd: options.cwd } : {}),
	});
	running.add(child);
	// Decoded as UTF-8 across chunks: a character split between two reads must not turn into two "�".
	child.stdout?.setEncoding("utf8");
	child.stderr?.setEncoding("utf8");
	let all = "";
	let out = "";
	child.stdout?.on("data", (chunk: string) => {
		out += chunk;
		all += chunk;
	});
	child.stderr?.on("data", (chunk: string) => {
		all += chunk;
	});
	let closed = false;
	// "close", not "exit": "exit" can come before the last chunks of stdout and stderr have been read.
	const exited = once(child, "close").then((result) => {
		closed = true;
		running.delete(child);
		return result as [number | null, NodeJS.Signals | null];
	});
	return {
		child,
		output: () => all,
		stdout: () => out,
		type(line) {
			child.stdin?.write(`${line}\n`);
		},
		exited,
		async waitFor(text, timeoutMs = 30_000) {
			const deadline = Date.now() + timeoutMs;
			const seen = () => (typeof text === "string" ? all.includes(text) : text.test(all));
			while (!seen()) {
				if (Date.now() > deadline)
					throw new Error(`timed out waiting for ${String(text)} in:\n${all.slice(-2000)}`);
				// Only once the streams are closed too: output written just before exiting may still be on its way.
				if (closed)
					throw new Error(`exited (${child.exitCode}) before ${String(text)}:\n${all.slice(-2000)}`);
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
		},
	};
}

/** How a program ended, and what it printed on the way. */
export interface ExitedProcess {
	/** The exit code; null when a signal ended it. */
	readonly code: number | null;
	/** Everything written to stdout and stderr. */
	readonly output: string;
	/**
	 * What a person reads: the output's lines that are neither blank nor JSON log lines, joined by "\n". A
	 * failed start must say why here, in words, not only in a log record.
	 */
	readonly plain: string;
}

async function exitOf(running: RunningProcess): Promise<ExitedProcess> {
	const [code] = await running.exited;
	const output = running.output();
	const plain = output.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("{"));
	return { code, output, plain: plain.join("\n") };
}

/**
 * Runs `node <entry>` (see {@link runProcess}) until it exits by itself, e.g. a bot whose configuration is
 * incomplete or whose platform cannot be reached.
 *
 * @example
 * const { code, plain } = await runUntilExit(MAIN, { env: { TMAPI_TOKEN: "t" } });
 * expect(code).toBe(2);
 */
export function runUntilExit(
	entry: string,
	options: Parameters<typeof runProcess>[1] = {},
): Promise<ExitedProcess> {
	return exitOf(runProcess(entry, options));
}

/** Sends `signal` to a running program (SIGTERM, as a process manager stops it) and waits for it to exit. */
export function stopProcess(
	running: RunningProcess,
	signal: NodeJS.Signals = "SIGTERM",
): Promise<ExitedProcess> {
	running.child.kill(signal);
	return exitOf(running);
}

export { emulatorEnv } from "./env.js";
// What the bots' tests set up and check alike: the emulator's environment, a log without secrets, a port
// that refuses connections.
export type { CapturedLog } from "./logs.js";
export { assertNoSecrets, captureLog, redisPassword } from "./logs.js";
export { closedPort } from "./ports.js";
