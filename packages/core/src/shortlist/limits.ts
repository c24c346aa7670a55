import { CHAT_PAGE_SIZE_DEFAULT } from "../query/schema.js";

/** Cards per shortlist page: as many as a results page shows by default. */
export const SHORTLIST_PAGE_SIZE = CHAT_PAGE_SIZE_DEFAULT;
/** The most SHORTLIST_MAX may be: a bound on every list, however the deployment is configured. */
export const SHORTLIST_MAX_LIMIT = 100_000;
/** The highest page any shortlist can have. */
export const SHORTLIST_PAGES_MAX = Math.ceil(SHORTLIST_MAX_LIMIT / SHORTLIST_PAGE_SIZE);
