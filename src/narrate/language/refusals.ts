/**
 * What a refusal says when it was given no words: one of a few, fixed by the seed and the instant
 * (never drawn from the world's random stream, which would change what happens), so that every view of
 * the run, a point of view included, hears the same words.
 */
import type { WorldEvent } from '../../model/events.js';
import { hashPick } from '../../units/hash-random.js';
import type { Names } from './names.js';

const REFUSALS = ['Don’t.', 'No.', 'Stop.', 'Back off.', 'I said no.', 'Not like this.', 'Leave me be.'];

/** The refusal's words: as they were given (`text:`), or one of the usual ones. */
export const refusalWords = (e: WorldEvent, names: Names): string =>
  typeof e.data.text === 'string' ? e.data.text : hashPick(REFUSALS, names.seed, e.t);
