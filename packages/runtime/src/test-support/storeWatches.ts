export const HOUR = 3_600_000;
/** The lease a store test claims watches with. */
export const LEASE = 10 * 60_000;
