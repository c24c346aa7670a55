import { defineProject } from "vitest/config";

export default defineProject({
	test: {
		name: "tmapi-emulator",
		include: ["src/**/*.test.ts"],
		testTimeout: 20_000,
	},
});
