import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useTestScope } from "@catbot/testkit/scope";

const scope = useTestScope();

/**
 * A DATA_DIR of the test's own, removed after it, so a bot started outside the harness keeps its SQLite
 * store out of the working tree.
 */
export function tempDataDir(): string {
	const dir = mkdtempSync(join(tmpdir(), "catbot-telegram-"));
	scope.defer(async () => rmSync(dir, { recursive: true, force: true }));
	return dir;
}
