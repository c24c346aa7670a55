import { defineProject } from "vitest/config";

export default defineProject({
	test: {
		name: "fake-discord",
		include: ["src/**/*.test.ts"],
		testTimeout: 20_000,
	},
});
