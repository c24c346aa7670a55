import { afterEach } from "vitest";

/** What a test opened and what to check once it is over; see {@link useTestScope}. */
export interface TestScope {
	/** Closes something after the test; the last one opened is closed first. */
	defer(close: () => Promise<void>): void;
	/**
	 * Runs a check after the test, before anything is closed, so it sees all the test caused but not the
	 * shutdown. A check that throws fails the test, after everything has still been closed.
	 */
	check(check: () => void): void;
}

/**
 * For a test harness module: call it once at its top level, then let each harness the tests start
 * register what it opened (fakes, emulators, bots) and what must hold after every test (e.g. no secret
 * in the log). Everything registered runs after each test.
 *
 * @example
 * const scope = useTestScope();
 * export async function startHarness() {
 *   const emu = await startTmapiEmulator();
 *   scope.defer(() => emu.close());
 *   scope.check(() => assertNoSecrets(log.text(), [TOKEN]));
 * }
 */
export function useTestScope(): TestScope {
	const open: Array<() => Promise<void>> = [];
	const checks: Array<() => void> = [];
	afterEach(async () => {
		const failures: unknown[] = [];
		for (const check of checks.splice(0)) {
			try {
				check();
			} catch (error) {
				failures.push(error);
			}
		}
		while (open.length > 0) await open.pop()?.();
		if (failures.length > 0) throw failures[0];
	});
	return {
		defer: (close) => {
			open.push(close);
		},
		check: (check) => {
			checks.push(check);
		},
	};
}
