import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The repository a newcomer clones: what its root promises (licence, Node version, scripts).
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const manifest = (path: string) =>
	JSON.parse(read(path)) as { license?: string; scripts?: Record<string, string> };

describe("the repository's root", () => {
	it("has an MIT LICENSE, and every package says MIT too", () => {
		expect(read("LICENSE")).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
		expect(read("LICENSE")).toContain("Permission is hereby granted, free of charge");
		expect(manifest("package.json").license).toBe("MIT");
		const packages = ["apps", "packages"].flatMap((dir) =>
			readdirSync(join(ROOT, dir)).map((name) => join(dir, name, "package.json")),
		);
		expect(packages.length).toBeGreaterThan(5);
		for (const path of packages) expect(manifest(path).license, path).toBe("MIT");
	});

	it("pins a supported LTS Node for nvm and for other version managers alike", () => {
		const nvmrc = read(".nvmrc").trim();
		expect(read(".node-version").trim()).toBe(nvmrc);
		// Node 20 reached end of life in April 2026; 22 and 24 are the LTS lines teams deploy on.
		expect(["22", "24"]).toContain(nvmrc.split(".")[0]);
		// .ci/run tests that same line as its second Node.
		expect(read(".ci/run")).toContain(`node@${nvmrc.split(".")[0]}`);
	});

	it("keeps `pnpm bench` output to the figures: build logs go to stderr, pnpm's banners are silenced", () => {
		const bench = manifest("package.json").scripts?.bench ?? "";
		const [build, run] = bench.split(" && ");
		expect(build).toMatch(/^turbo run build .*--output-logs=errors-only 1>&2$/);
		expect(run).toMatch(/^pnpm -s -r --workspace-concurrency=1 run bench$/);
	});
});
