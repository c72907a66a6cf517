/** Medication: starting and stopping one (a suppressant masks the scent and stretches the cycle). */
import { emit, noteExposure } from '../state/log.js';
import type { Handler, Handlers } from './handler.js';

const takeOrStop: Handler<'take' | 'stop'> = (w, { a, who, causes }, action) => {
  const list = w.s.medication[a]!;
  if (action.do === 'take' && !list.includes(action.medication)) list.push(action.medication);
  if (action.do === 'stop') w.s.medication[a] = list.filter((m) => m !== action.medication);
  const id = emit(w, 'medication', { ...who, value: action.do }, causes, { medication: action.medication });
  noteExposure(w, [a], id);
  return true;
};

export const MEDICATION: Handlers<'take' | 'stop'> = { take: takeOrStop, stop: takeOrStop };
