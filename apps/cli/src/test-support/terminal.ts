import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";

/**
 * Throws unless util-linux `script` (Debian's essential bsdutils package) can give a child a
 * pseudo-terminal. Our machines and CI always have it, so its absence is a broken machine: the terminal
 * tests fail and say what to install rather than skip and pass unseen.
 */
let scriptFound = false;
export function requireScript(): void {
	if (scriptFound) return;
	const probe = spawnSync("script", ["--version"], { encoding: "utf8" });
	scriptFound = probe.status === 0 && /util-linux/.test(probe.stdout);
	if (scriptFound) return;
	throw new Error(
		"util-linux `script` is missing, and the terminal tests need it to give the demo a pseudo-terminal: " +
			"install it (Debian: apt-get install bsdutils) or put it on PATH.",
	);
}

/** A program running on a pseudo-terminal, typed at byte by byte as a person's keyboard would. */
export interface TerminalProcess {
	readonly child: ChildProcess;
	/** Everything the terminal received, escape sequences included. */
	screen(): string;
	/** Sends raw key bytes: "\r" is Enter, "\x1b[A" the up arrow, "\x0c" Ctrl-L. */
	keys(bytes: string): void;
	/** The exit code (or signal), once the program has exited and everything it wrote has been read. */
	readonly exited: Promise<[number | null, NodeJS.Signals | null]>;
	/** Resolves when the screen output after `from` contains `text`. */
	waitFor(text: string | RegExp, from?: number, timeoutMs?: number): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Kills what {@link runOnTerminal} started; call it in afterEach. */
export function killTerminals(): void {
	for (const child of running) child.kill("SIGKILL");
	running.clear();
}

/**
 * Runs `node <entry> ...args` on a pseudo-terminal `columns` wide, through util-linux `script`, so the
 * program sees a TTY on stdin and stdout exactly as in a person's terminal. Throws, failing the test,
 * where `script` is missing.
 */
export function runOnTerminal(
	entry: string,
	options: { args?: readonly string[]; cwd: string; columns?: number; env?: Record<string, string> },
): TerminalProcess {
	requireScript();
	const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;
	const command = [process.execPath, entry, ...(options.args ?? [])].map(quote).join(" ");
	const child = spawn(
		"script",
		["-qfec", `stty cols ${options.columns ?? 80} rows 40; exec ${command}`, "/dev/null"],
		{
			cwd: options.cwd,
			env: { PATH: process.env.PATH ?? "", TERM: "xterm-256color", ...options.env },
			stdio: ["pipe", "pipe", "pipe"],
		},
	);
	running.add(child);
	// Decoded across chunks, so a character split between two reads stays whole.
	child.stdout?.setEncoding("utf8");
	child.stderr?.setEncoding("utf8");
	let all = "";
	child.stdout?.on("data", (chunk: string) => {
		all += chunk;
	});
	child.stderr?.on("data", (chunk: string) => {
		all += chunk;
	});
	let closed = false;
	// "close" comes once the screen's last bytes are read; "exit" can come before them.
	const exited = once(child, "close").then((result) => {
		closed = true;
		running.delete(child);
		return result as [number | null, NodeJS.Signals | null];
	});
	return {
		child,
		screen: () => all,
		keys(bytes) {
			child.stdin?.write(bytes);
		},
		exited,
		async waitFor(text, from = 0, timeoutMs = 8_000) {
			const deadline = Date.now() + timeoutMs;
			const seen = () => {
				const part = all.slice(from);
				return typeof text === "string" ? part.includes(text) : text.test(part);
			};
			while (!seen()) {
				if (Date.now() > deadline)
					throw new Error(`timed out waiting for ${String(text)} in:\n${all.slice(-2000)}`);
				if (closed)
					throw new Error(`exited (${child.exitCode}) before ${String(text)}:\n${all.slice(-2000)}`);
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
		},
	};
}
