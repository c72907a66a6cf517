/**
 * Perception: percepts climb by dose. A nose detects someone's presence, identifies their
 * representation, recognises a heat, each against the canon's thresholds times the observer's own
 * drawn factor for that subject (`thresholds`), and each is a belief update with its source. Someone in
 * the same place with no scent and no record is taken for what they present as, or a beta. Only pairs
 * that matter are looked at: those in the observer's place (in person or in its air), and those the
 * observer still notices or carries residue of.
 */

import { round3 } from '../../units/numbers.js';
import { NOTE, NOTE_COUNT } from '../../vocabulary/notes.js';
import type { Representation } from '../../vocabulary/representations.js';
import { isAdult } from '../../vocabulary/representations.js';
import type { Route } from '../../vocabulary/routes.js';
import { plumeAt } from '../air/plume.js';
import { type Engine, idOf, placeOf, representationOf } from '../state/context.js';
import { emit, exposureCauses, lastOfType } from '../state/log.js';
import type { PairState } from '../state/pair-table.js';
import { pairOf } from '../state/pairs.js';
import type { PendingResniff } from '../state/state.js';
import { adopt } from './beliefs.js';
import { recogniseBond } from './bonds.js';
import { smellOn } from './carried-scent.js';
import { doseOf } from './dose.js';
import { gearProduct } from './gear.js';
import { holdsResidue } from './residue.js';
import { threshold } from './thresholds.js';

/** The representation a nose reads from note doses, or `undefined` when no note is strong enough. */
export function readRepresentation(
  doses: ArrayLike<number>,
  offset: number,
  identifyAt: number,
  detectAt: number,
): Exclude<Representation, 'unpresented'> | undefined {
  const omega = doses[offset + NOTE.omega]!;
  const alpha = doses[offset + NOTE.alpha]!;
  const beta = doses[offset + NOTE.beta]!;
  // The omega and alpha notes are distinctive: either one, clear enough, names the representation.
  if (omega >= identifyAt && omega >= alpha) return 'omega';
  if (alpha >= identifyAt) return 'alpha';
  // A beta is recognised by a clear beta note with no hint of anything else under it.
  if (beta >= identifyAt && omega < detectAt && alpha < detectAt) return 'beta';
  return undefined;
}

/** Whom each observer notices or carries residue of, and whom they have identified: read from a state. */
export function noticedFrom(
  pairs: PairState,
  n: number,
): { watched: Set<number>[]; identifiedBy: Set<number>[] } {
  const watched = Array.from({ length: n }, () => new Set<number>());
  const identifiedBy = Array.from({ length: n }, () => new Set<number>());
  for (let slot = 0; slot < pairs.holder.length; slot++) {
    const o = pairs.holder[slot]!;
    const e = pairs.other[slot]!;
    if (pairs.detected[slot] || pairs.heatRecognised[slot] || holdsResidue(pairs.residue, slot))
      watched[o]!.add(e);
    if (pairs.identified[slot]) identifiedBy[o]!.add(e);
  }
  return { watched, identifiedBy };
}

/** The others `feeler` is near (same place, or takes in something of) or has identified, ascending. */
export function pairsOf(w: Engine, feeler: number): number[] {
  const near = candidatesOf(w, w.s.place[feeler]!, w.watched[feeler]!, w.identifiedBy[feeler]!);
  const out: number[] = [];
  for (let i = 0; i < near.length; i++) if (near[i] !== feeler) out.push(near[i]!);
  return out;
}

/** The observer and subject of a percept, and where the observer is, as an event names them. */
const whoOf = (w: Engine, o: number, e: number) => ({
  actor: idOf(w, o),
  target: idOf(w, e),
  place: placeOf(w, o),
});

const NONE: Set<number> = new Set();

/**
 * Whom an observer in `place` looks at (or a feeler weighs): those present there (`w.present`, kept
 * ascending), and those they watch or have identified from elsewhere, once each, ascending. Mostly
 * whom a nose watches is present where it is, and the place's own list is the answer, shared by all
 * there; otherwise the few others are merged into a reused buffer: read it before the next call.
 */
function candidatesOf(
  w: Engine,
  place: number,
  watched: Set<number>,
  identified: Set<number> = NONE,
): ArrayLike<number> {
  const here = w.present[place] ?? [];
  const { elsewhere, merged } = w.scratch;
  const isHere = hereMarks(w, place, here);
  const stamp = w.scratch.here.stamp;
  let count = 0;
  for (const e of watched) if (isHere[e] !== stamp) elsewhere[count++] = e;
  for (const e of identified) if (!watched.has(e) && isHere[e] !== stamp) elsewhere[count++] = e;
  if (count === 0) return here;
  const others = elsewhere.subarray(0, count).sort();
  let i = 0;
  let j = 0;
  let out = 0;
  while (i < here.length || j < count) {
    if (j === count || (i < here.length && here[i]! < others[j]!)) merged[out++] = here[i++]!;
    else merged[out++] = others[j++]!;
  }
  return merged.subarray(0, out);
}

/**
 * Marks those in `here` (the list of `place`) with a stamp of their own, so that whether someone is
 * there is one read; the marks stand while observers in the same place follow one another.
 */
function hereMarks(w: Engine, place: number, here: readonly number[]): Float64Array {
  const marked = w.scratch.here;
  if (marked.place !== place) {
    marked.stamp++;
    marked.place = place;
    for (let i = 0; i < here.length; i++) marked.marks[here[i]!] = marked.stamp;
  }
  return marked.marks;
}

/**
 * Whom each place holds — the people there, and those whose scent is in its air, ascending, once each
 * (`candidatesOf` searches and merges these lists) — and where each one's plume holds that place's air
 * (an offset in their plume, or −1): the same for every nose there, so found once per place, not once
 * per pair.
 */
function gatherPresent(w: Engine): void {
  const s = w.s;
  if (w.present.length !== w.places) {
    w.present = Array.from({ length: w.places }, () => []);
    w.presentAt = Array.from({ length: w.places }, () => []);
  }
  const { present, presentAt } = w;
  // The lists change: no place's marks stand.
  w.scratch.here.place = -1;
  for (let place = 0; place < w.places; place++) {
    present[place]!.length = 0;
    presentAt[place]!.length = 0;
  }
  for (let e = 0; e < w.n; e++) {
    const at = s.place[e]!;
    const plume = s.plumes[e]!;
    present[at]!.push(e);
    presentAt[at]!.push(plumeAt(plume, at));
    const places = plume.places;
    for (let i = 0; i < places.length; i++) {
      if (places[i] === at) continue;
      present[places[i]!]!.push(e);
      presentAt[places[i]!]!.push(i * NOTE_COUNT);
    }
  }
}

/**
 * Whom observer `o` looked at last time, in order, their pairs' slots, and whether this perception
 * put them in `watched` (1: they are there; 0: not known): room for `count`. A crowd changes little
 * from one tick to the next, a slot, once made, never moves, and only perception takes anyone out of
 * `watched`.
 */
function lookedAt(w: Engine, o: number, count: number): Engine['lookedAt'][number] {
  const known = w.lookedAt[o];
  if (known && known.who.length >= count) return known;
  const room = Math.max(count, 2 * (known?.who.length ?? 0));
  const grown = {
    who: new Int32Array(room).fill(-1),
    slot: new Int32Array(room),
    watching: new Uint8Array(room),
  };
  w.lookedAt[o] = grown;
  return grown;
}

/** A percept's reading: the route that brought most of it, its dose and the line it crossed. */
interface Reading {
  via: Route;
  dose: number;
  threshold: number;
}

const logged = (r: Reading) => ({ via: r.via, dose: round3(r.dose), threshold: round3(r.threshold) });

// The percepts themselves, out of perception's loop over pairs: each happens once in many ticks.

/** `o` meets `e` with no scent and no record of them: takes them for what they present as, or a beta. */
function assume(w: Engine, o: number, e: number): void {
  const meeting = exposureCauses(w, o, e).slice(-1);
  const presentsAs = w.definition.characters[e]!.presentsAs ?? 'beta';
  adopt(w, o, e, presentsAs, 'assumed', w.canon.beliefs.assumed, meeting);
}

/** `o` notices `e`'s presence (again, after it had faded, or on a deliberate sniff). */
function detect(w: Engine, o: number, e: number, pair: number, r: Reading, resniff?: PendingResniff): void {
  const pairs = w.s.pairs;
  const again = pairs.detected[pair] === 1;
  pairs.detected[pair] = 1;
  const causes = resniff ? [resniff.cause] : exposureCauses(w, o, e);
  emit(w, 'detect', whoOf(w, o, e), causes, { ...logged(r), ...(again && { again: true }) });
}

/** `o` reads `e` as `read` by scent, and believes it as surely as the dose is clear. */
function identify(
  w: Engine,
  o: number,
  e: number,
  pair: number,
  read: Exclude<Representation, 'unpresented'>,
  r: Reading,
): void {
  const pairs = w.s.pairs;
  const confidence = w.canon.beliefs;
  pairs.identified[pair] = read;
  w.identifiedBy[o]!.add(e);
  const id = emit(w, 'identify', { ...whoOf(w, o, e), value: read }, exposureCauses(w, o, e), logged(r));
  pairs.perceptEvents[pair] = id;
  const sure = Math.min(
    1,
    Math.max(
      confidence.scentAtThreshold,
      confidence.scentAtThreshold + confidence.scentPerDoubling * Math.log2(r.dose / r.threshold),
    ),
  );
  adopt(w, o, e, read, 'scent', round3(sure), [id]);
}

/** `o` recognises `e`'s heat; only an omega is in heat, so recognising it is knowing what they are. */
function recogniseHeat(w: Engine, o: number, e: number, pair: number, r: Reading): void {
  const confidence = w.canon.beliefs;
  w.s.pairs.heatRecognised[pair] = 1;
  const causes = [...exposureCauses(w, o, e), ...lastOfType(w, e, 'heat-onset')];
  const id = emit(w, 'recognise-heat', whoOf(w, o, e), causes, logged(r));
  adopt(w, o, e, 'omega', 'scent', confidence.told + confidence.heatOverTold, [id]);
}

/** Every nose takes in what reaches it now; `elapsed` seconds since the last perception grow habituation. */
export function perceive(w: Engine, elapsed: number): void {
  const s = w.s;
  const p = w.canon.perception;
  const habituation = w.canon.instinct.habituation;
  const pairs = s.pairs;
  const resniffs = s.resniffs;
  s.resniffs = [];
  gatherPresent(w);
  const { present, presentAt } = w;
  for (let o = 0; o < w.n; o++) {
    const resniff = resniffs.length ? resniffs.find((r) => r.character === o) : undefined;
    // Only a nose that takes in something of someone, or did last time, has anything to perceive.
    const watched = w.watched[o]!;
    const place = s.place[o]!;
    const candidates = candidatesOf(w, place, watched);
    // The place's own list, whose plume offsets are known, or one merged with others watched.
    const own = candidates === present[place] ? presentAt[place]! : undefined;
    const observer = w.definition.characters[o]!;
    const sensitivity = w.canon.representations[representationOf(w, o)].sensitivity;
    const taken = sensitivity * gearProduct(w, o, 'intakePass');
    const known = lookedAt(w, o, candidates.length);
    for (let c = 0; c < candidates.length; c++) {
      const e = candidates[c]!;
      if (e === o) continue;
      // Mostly the same ones as last time, in the same order: their slots are known.
      if (known.who[c] !== e) {
        known.who[c] = e;
        known.slot[c] = pairOf(w, o, e);
        known.watching[c] = 0;
      }
      const pair = known.slot[c]!;
      // Compared with null, not read for truth: that would load each belief from wherever it lies.
      if (pairs.beliefs[pair] === null && s.place[e] === place) assume(w, o, e);
      // This instant's doses, where the rules read them.
      const dose = w.instantDoses;
      const at = pair * NOTE_COUNT;
      const air = own ? own[c]! : plumeAt(s.plumes[e]!, place);
      const via = doseOf(w, sensitivity, taken, e, pair, air, dose, at);
      // Habituation grows with exposure to the distinctive notes of others.
      const distinctive = dose[at + NOTE.alpha]! + dose[at + NOTE.omega]!;
      if (distinctive > 0 && elapsed > 0) {
        const h = s.habituation[o]!;
        s.habituation[o] = h + (1 - h) * (1 - Math.exp((-distinctive * elapsed) / habituation.exposure));
      }
      let presence = 0;
      for (let k = at; k < at + NOTE_COUNT; k++) presence += dose[k]!;
      if (presence > 0 && !known.watching[c]) {
        watched.add(e);
        known.watching[c] = 1;
      }
      const detectAt = p.detect * threshold(w, pair, 'detect');
      if (presence >= detectAt && (!pairs.detected[pair] || resniff)) {
        detect(w, o, e, pair, { via, dose: presence, threshold: detectAt }, resniff);
      } else if (presence < detectAt * p.rearm) pairs.detected[pair] = 0;

      const identifyAt = p.identify * threshold(w, pair, 'identify');
      const read = readRepresentation(dose, at, identifyAt, detectAt);
      if (read && read !== pairs.identified[pair]) {
        identify(w, o, e, pair, read, { via, dose: dose[at + NOTE[read]]!, threshold: identifyAt });
      }

      // A bond is carried in the scent: whoever can read the representation reads the bond too.
      if (read) recogniseBond(w, o, e);

      const heatAt = p.recogniseHeat * threshold(w, pair, 'heat');
      const heatDose = dose[at + NOTE.heat]!;
      if (
        heatDose >= heatAt &&
        !pairs.heatRecognised[pair] &&
        // The age rule: nobody under 18 is drawn into a heat, as the one in it or the one who notices it.
        isAdult(observer) &&
        isAdult(w.definition.characters[e]!)
      ) {
        recogniseHeat(w, o, e, pair, { via, dose: heatDose, threshold: heatAt });
      } else if (heatDose < heatAt * p.rearm) pairs.heatRecognised[pair] = 0;
      if (presence === 0 && !pairs.detected[pair] && !pairs.heatRecognised[pair]) {
        watched.delete(e);
        known.watching[c] = 0;
      }
    }
    smellOn(w, o);
  }
}
