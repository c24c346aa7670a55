import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { killAll, runProcess } from "./index.js";

const dir = mkdtempSync(join(tmpdir(), "catbot-testkit-"));
afterEach(killAll);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, source: string): string {
	const path = join(dir, name);
	writeFileSync(path, source);
	return path;
}

/**
 * A program that hands its stdout on, as the supervisor does to its bots, and exits before the last output
 * arrives: a grandchild writes a line 300 ms after the child has gone.
 */
function handover(): string {
	return script(
		"handover.mjs",
		`import { spawn } from "node:child_process";
		const late = "setTimeout(() => console.log('late line'), 300)";
		spawn(process.execPath, ["-e", late], { stdio: "inherit" }).unref();
		console.log("early line");
		process.exitCode = 3;`,
	);
}

describe("runProcess", () => {
	it("resolves exited only once the output streams have ended, not at the exit", async () => {
		const child = runProcess(handover());
		const [code] = await child.exited;
		expect(code).toBe(3);
		expect(child.stdout()).toBe("early line\nlate line\n");
	});

	it("reads megabytes written just before a natural exit", async () => {
		const entry = script(
			"flood.mjs",
			`const line = "x".repeat(1023) + "\\n";
			for (let i = 0; i < 4096; i++) process.stdout.write(line);
			process.stderr.write("done\\n");`,
		);
		const child = runProcess(entry);
		await child.exited;
		expect(child.stdout()).toHaveLength(4096 * 1024);
		expect(child.output()).toContain("done\n");
	});

	it("keeps a character whole when its bytes arrive in two reads", async () => {
		const entry = script(
			"split.mjs",
			`const bytes = Buffer.from("连衣裙", "utf8");
			process.stdout.write(bytes.subarray(0, 4));
			setTimeout(() => process.stdout.write(bytes.subarray(4)), 100);`,
		);
		const child = runProcess(entry);
		await child.exited;
		expect(child.stdout()).toBe("连衣裙");
	});

	it("waitFor waits for output that comes after the exit, and says when none comes", async () => {
		await runProcess(handover()).waitFor("late line");
		await expect(runProcess(handover()).waitFor("never said")).rejects.toThrow(
			/exited \(3\) before never said/,
		);
	});
});
