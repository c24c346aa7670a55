import { defineConfig } from "vitest/config";

// One entry point for `pnpm vitest` at the root; turbo runs each package's own config.
export default defineConfig({
	test: {
		projects: ["packages/*", "apps/*"],
	},
});
