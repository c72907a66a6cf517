/**
 * What a refusal says when the script gives no words: one of a few, fixed by the seed and the event
 * (never drawn from the world's random stream, which would change what happens).
 */
import type { WorldEvent } from '../../model/events.js';
import { hashPick } from '../../units/hash-random.js';
import type { Names } from './names.js';

const REFUSALS = ['Don’t.', 'No.', 'Stop.', 'Back off.', 'I said no.', 'Not like this.', 'Leave me be.'];

/** The refusal's words: as the script wrote them, or one of the usual ones. */
export const refusalWords = (e: WorldEvent, names: Names): string =>
  names.scriptedText(e) ?? hashPick(REFUSALS, names.seed, e.id);
