/**
 * One's own body: starting and stopping a medication (a suppressant masks the scent and stretches the
 * cycle), showering (washing off part of what touch left), and presenting (an unpresented character
 * becomes what they are, and smells of it from then on).
 */
import { emit, noteExposure } from '../state/log.js';
import { present } from '../systems/presenting.js';
import { wash } from '../systems/residue.js';
import type { Handler, Handlers } from './handler.js';

const takeOrStop: Handler<'take' | 'stop'> = (w, { a, who, causes }, action) => {
  const list = w.s.medication[a]!;
  if (action.do === 'take' && !list.includes(action.medication)) list.push(action.medication);
  if (action.do === 'stop') w.s.medication[a] = list.filter((m) => m !== action.medication);
  const id = emit(w, 'medication', { ...who, value: action.do }, causes, { medication: action.medication });
  noteExposure(w, [a], id);
  return true;
};

export const BODY: Handlers<'take' | 'stop' | 'shower' | 'present'> = {
  take: takeOrStop,
  stop: takeOrStop,
  shower: (w, { a, who, causes }) => {
    wash(w, a);
    const id = emit(w, 'shower', who, causes, { removed: w.canon.residue.showerRemoval });
    noteExposure(w, [a], id);
    w.s.resniffs.push({ character: a, cause: id });
    return true;
  },
  present: (w, { a, who, causes }, action) => {
    present(w, a, action.as, who, causes);
    return true;
  },
};
