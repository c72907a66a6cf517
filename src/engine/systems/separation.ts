/**
 * Separation: mates apart (not in the same place) feel it grow — restless, then aching, then unwell
 * (`bonds.separation`) — and are relieved when they are together again. Where the canon says so
 * (`bonds.fadeAfter`), a bond fades after a long enough separation. Each stage is logged at the exact
 * instant it is reached, however the world jumps between instants.
 */
import { type Engine, idOf, placeOf } from '../state/context.js';
import { emit, lastOfType } from '../state/log.js';

/** The stages, in order, as events name them. */
export const SEPARATION_STAGES = ['restless', 'aching', 'unwell'] as const;

/** How long apart each stage is reached, in order. */
const stageTimes = (w: Engine) => {
  const s = w.canon.bonds.separation;
  return [s.restless, s.aching, s.unwell];
};

/** Separation and reunion for every bonded character, now. */
export function updateSeparation(w: Engine): void {
  const s = w.s;
  const t = s.t;
  for (let c = 0; c < w.n; c++) {
    const mate = s.bondedTo[c]!;
    if (mate < 0) continue;
    const who = { actor: idOf(w, c), target: idOf(w, mate), place: placeOf(w, c) };
    const since = s.apartSince[c];
    if (s.place[c] === s.place[mate]) {
      if (since === null || since === undefined) continue;
      const stage = s.separation[c]!;
      s.apartSince[c] = null;
      s.separation[c] = 0;
      // Together again: a relief worth telling only if the separation was felt.
      if (stage > 0)
        emit(w, 'reunion', who, lastOfType(w, c, 'separation'), {
          apart: t - since,
          stage: SEPARATION_STAGES[stage - 1]!,
        });
      continue;
    }
    if (since === null || since === undefined) {
      s.apartSince[c] = t;
      continue;
    }
    const times = stageTimes(w);
    while (s.separation[c]! < times.length && t - since >= times[s.separation[c]!]!) {
      const stage = SEPARATION_STAGES[s.separation[c]!]!;
      s.separation[c]!++;
      emit(w, 'separation', { ...who, value: stage }, lastOfType(w, c, 'separation'), { apart: t - since });
    }
    const fade = w.canon.bonds.fadeAfter;
    if (fade > 0 && t - since >= fade) {
      emit(w, 'separation', { ...who, value: 'faded' }, lastOfType(w, c, 'separation'), { apart: t - since });
      for (const x of [c, mate]) {
        s.bondedTo[x] = -1;
        s.apartSince[x] = null;
        s.separation[x] = 0;
      }
    }
  }
}

/** The next instant a separation reaches a stage (or fades), or infinity. */
export function nextSeparationStage(w: Engine): number {
  const s = w.s;
  const times = stageTimes(w);
  const fade = w.canon.bonds.fadeAfter;
  let next = Number.POSITIVE_INFINITY;
  for (let c = 0; c < w.n; c++) {
    const since = s.apartSince[c];
    if (since === null || since === undefined || s.bondedTo[c]! < 0) continue;
    const stage = s.separation[c]!;
    if (stage < times.length) next = Math.min(next, since + times[stage]!);
    if (fade > 0) next = Math.min(next, since + fade);
  }
  return next;
}
