import { statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { CATEGORY_USAGE, UsageError } from "./args.js";

function isDirectory(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}

/**
 * Checks that `--out` can be written before anything is read (for `catbot category`, before any paid
 * call): its folder exists and it is not itself a folder. Throws a one-line {@link UsageError} that shows
 * `usage`, the usage of the command it belongs to.
 */
export function checkOutPath(out: string, usage: string = CATEGORY_USAGE): void {
	const folder = dirname(out);
	if (!isDirectory(folder)) {
		throw new UsageError(
			`Cannot write ${out}: the folder ${folder} does not exist. Create it or choose another --out path.`,
			usage,
		);
	}
	if (isDirectory(out)) {
		throw new UsageError(`Cannot write ${out}: it is a folder. Give a file name.`, usage);
	}
}

/** Writes `text` to `path`; a failure is a one-line {@link UsageError}, never a stack trace. */
export function writeOut(path: string, text: string, usage: string = CATEGORY_USAGE): void {
	try {
		writeFileSync(path, text);
	} catch (error) {
		const reason =
			(error as NodeJS.ErrnoException).code === "EACCES" ? "permission denied" : "the write failed";
		throw new UsageError(`Cannot write ${path}: ${reason}.`, usage);
	}
}
