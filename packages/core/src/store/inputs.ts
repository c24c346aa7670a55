import * as v from "valibot";
import { StoreError } from "./errors.js";

/** A 1688 item id as every store keeps it: 1 to 25 digits. */
export const StoredItemIdSchema = v.pipe(v.string(), v.regex(/^\d{1,25}$/, "item id must be 1 to 25 digits"));

/**
 * A store call's input parsed by `schema`, or a StoreError "invalid" naming the fields that broke their
 * bounds (values never quoted). Every store implementation checks its inputs with it, so the memory, SQLite
 * and PostgreSQL stores refuse the same things in the same words.
 */
export function parseStoreInput<S extends v.GenericSchema>(
	schema: S,
	input: unknown,
	what: string,
): v.InferOutput<S> {
	const result = v.safeParse(schema, input);
	if (result.success) return result.output;
	const problems = result.issues.map((issue) => {
		const path = v.getDotPath(issue);
		return path === null ? issue.message : `${path}: ${issue.message}`;
	});
	throw new StoreError("invalid", { detail: `${what}: ${problems.join("; ")}` });
}
