/** Interaction callback types, as the fake records them. */
export const DEFER = 5;
export const DEFER_UPDATE = 6;
export const UPDATE = 7;
/** A DM channel: it belongs to no server, so it has no shortlist and no watches. */
export const DM = "830000000000000001";
