/** How a dose reached a nose: the room's air, a close emitter's near field, or residue on one's own skin. */
export const ROUTES = ['air', 'near-field', 'residue'] as const;
export type Route = (typeof ROUTES)[number];
