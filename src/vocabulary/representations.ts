/** The secondary genders ("representations"), and the age under which the age rule shields anyone. */

export const REPRESENTATIONS = ['alpha', 'beta', 'omega', 'unpresented'] as const;
export type Representation = (typeof REPRESENTATIONS)[number];

/**
 * Characters younger than this may appear in a scenario, but no heat, rut, longing, mark or bond may
 * involve them. An absolute rule of the engine, deliberately not a canon parameter: no preset or
 * override can lower it. Validation rejects cycles, marks and bonds; the instinct rules never move
 * longing toward or from them.
 */
export const ADULT_AGE = 18;

/** Whether the age rule shields this character. */
export const isMinor = (c: { age?: number }) => c.age !== undefined && c.age < ADULT_AGE;
