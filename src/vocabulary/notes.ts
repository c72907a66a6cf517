/**
 * The note channels of a scent signature. The air carries each note of each emitter separately, so
 * that a nose can tell an omega note from a beta-like masker, a heat note from a sour one.
 */

/** In storage order. */
export const NOTES = ['alpha', 'beta', 'omega', 'heat', 'sour', 'personal', 'rut'] as const;
export type Note = (typeof NOTES)[number];
export const NOTE_COUNT = NOTES.length;
export const NOTE = {
  alpha: 0,
  beta: 1,
  omega: 2,
  heat: 3,
  sour: 4,
  personal: 5,
  rut: 6,
} as const satisfies Record<Note, number>;
