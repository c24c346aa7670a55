import { once } from "node:events";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { closedPort } from "./ports.js";

describe("closedPort", () => {
	it("gives a loopback port that refuses connections", async () => {
		const port = await closedPort();
		expect(port).toBeGreaterThan(0);
		const socket = connect(port, "127.0.0.1");
		const [error] = (await once(socket, "error")) as [NodeJS.ErrnoException];
		expect(error.code).toBe("ECONNREFUSED");
	});
});
