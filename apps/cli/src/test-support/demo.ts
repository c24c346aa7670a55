import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningProcess, runProcess } from "@catbot/testkit";
import { expect } from "vitest";

const MAIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url));
export const ENV_EXAMPLE = fileURLToPath(new URL("../../../../.env.example", import.meta.url));
const PROMPT = "catbot> ";

export function freshFolder(): string {
	return mkdtempSync(join(tmpdir(), "catbot-demo-"));
}

/** A demo session in an empty folder (no developer's .env), `columns` wide. */
export async function demo(options: { columns?: number; env?: Record<string, string>; cwd?: string } = {}) {
	const session = runProcess(MAIN, {
		args: ["demo"],
		cwd: options.cwd ?? freshFolder(),
		env: { COLUMNS: String(options.columns ?? 80), ...options.env },
	});
	// "close" comes after stdout and stderr are drained; "exit" can come before their last chunks.
	const closed = once(session.child, "close");
	await session.waitFor(PROMPT);
	return Object.assign(session, { closed });
}

/** Types a line and resolves with what the session answered to it (up to the next prompt). */
export async function ask(session: RunningProcess, line: string): Promise<string> {
	const before = session.stdout().length;
	session.type(line);
	const done = () => session.stdout().slice(before).includes(PROMPT);
	const deadline = Date.now() + 8_000;
	while (!done()) {
		if (Date.now() > deadline) throw new Error(`no prompt after ${line}:\n${session.output().slice(-2000)}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	const answer = session.stdout().slice(before);
	return answer.slice(0, answer.indexOf(PROMPT)).trim();
}

/** The lines of a table answer, from its top border to its bottom border. */
export function tableLines(answer: string): string[] {
	const lines = answer.split("\n");
	const top = lines.findIndex((line) => line.startsWith("┌"));
	const bottom = lines.findIndex((line) => line.startsWith("└"));
	return lines.slice(top, bottom + 1);
}

export async function quit(session: RunningProcess & { closed: Promise<unknown> }) {
	session.type("q");
	const [code] = await session.exited;
	await session.closed;
	expect(code).toBe(0);
	expect(session.stdout()).toMatch(/Bye\.\n$/);
}
