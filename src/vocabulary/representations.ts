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

/**
 * The one test of the age rule, for validation, the engine, play and generation alike: whether a
 * character may cause, undergo or be the object of a heat, a rut, longing, a mark or a bond. An age not
 * given is not an adult's: the age decides, so it is never assumed (validation asks for it wherever
 * it would matter).
 */
export const isAdult = (c: { age?: number }): boolean => c.age !== undefined && c.age >= ADULT_AGE;
