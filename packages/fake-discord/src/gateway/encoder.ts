import { constants, createDeflate, deflateSync } from "node:zlib";

/** Turns a JSON text into the frame to send: text as is, or compressed bytes. */
export type Encode = (text: string) => Promise<string | Buffer>;

const SYNC_FLUSH_SUFFIX = Buffer.from([0x00, 0x00, 0xff, 0xff]);

/** No compression: text frames. @discordjs/ws parses text frames whatever compression it asked for. */
export const plainEncoder: Encode = async (text) => text;

/**
 * Transport compression (`compress=zlib-stream`): one zlib context for the whole connection, each payload
 * ending with a sync flush (00 00 FF FF), as zlib-sync's Inflate in @discordjs/ws expects. Calls must be
 * serialized (the connection's send queue does that).
 */
export function createZlibStreamEncoder(): { readonly encode: Encode; readonly close: () => void } {
	const deflate = createDeflate();
	let output: Buffer[] = [];
	let wake: (() => void) | undefined;
	deflate.on("data", (chunk: Buffer) => {
		output.push(chunk);
		wake?.();
	});
	// Four chunks of at least one byte hold the last four bytes, wherever the marker was split.
	const flushed = () => Buffer.concat(output.slice(-4)).subarray(-4).equals(SYNC_FLUSH_SUFFIX);
	return {
		async encode(text) {
			deflate.write(text);
			deflate.flush(constants.Z_SYNC_FLUSH);
			// The flushed block arrives as data events; the frame is complete at the sync marker.
			while (!flushed()) {
				await new Promise<void>((resolve) => {
					wake = resolve;
				});
				wake = undefined;
			}
			const frame = Buffer.concat(output);
			output = [];
			return frame;
		},
		close: () => deflate.destroy(),
	};
}

/** Payload compression (`compress: true` in IDENTIFY): each payload its own zlib stream. */
export const identifyCompressEncoder: Encode = async (text) => deflateSync(text);
