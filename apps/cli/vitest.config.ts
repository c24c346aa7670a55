import { defineProject } from "vitest/config";

export default defineProject({
	test: {
		name: "cli",
		include: ["src/**/*.test.ts"],
		// Every test starts real processes; on a loaded 2-core machine one can take tens of seconds.
		testTimeout: 60_000,
	},
});
