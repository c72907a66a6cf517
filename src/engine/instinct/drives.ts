/**
 * Drives rise and fall by the canon's rules (`src/canon/rules/`, in the words of `rules.ts`): an
 * event sets off the rules that listen for it (an impulse, or a calm), `presence` rules hold a drive up
 * toward a level while their conditions hold, and every drive fades with its half-life once nothing
 * holds it. What a drive makes a character do is `volition.ts`'s.
 */
import type { DriveRule } from '../../canon/instinct.js';
import type { WorldEvent } from '../../model/events.js';
import { round3, roundAll } from '../../units/numbers.js';
import { DRIVE_COUNT, DRIVES } from '../../vocabulary/drives.js';
import { isAdult } from '../../vocabulary/representations.js';
import { type DriveBook, type Engine, representationOf } from '../state/context.js';
import { emitAbout } from '../state/log.js';
import { findPair } from '../state/pairs.js';
import type { WorldState } from '../state/state.js';
import { pairsOf } from '../systems/perception.js';
import { driveEntry, lastDriveEvent, level, setLevel } from './drive-slots.js';
import { whine } from './longing.js';
import { type RuleSubject, ruleAmount, ruleFactors, ruleHolds, ruleNeedsPairs } from './rules.js';
import { indexOf } from './traits.js';

/** Which drive entries are live, held up and logged in a state (see DriveBook). */
export function driveBook(s: WorldState): DriveBook {
  const book: DriveBook = { live: new Set(), sustained: [], noticed: new Set() };
  const pairs = s.pairs;
  for (let entry = 0; entry < pairs.drives.length; entry++) {
    const pair = Math.floor(entry / DRIVE_COUNT);
    const flagged = pairs.snarled[pair] || pairs.resisted[pair] || pairs.resistedLonging[pair];
    const held = s.restrainedBy[pairs.other[pair]!] === pairs.holder[pair];
    if (pairs.drives[entry] || flagged || held) book.live.add(entry);
    if (pairs.sustained[entry]) book.sustained.push(entry);
    if (pairs.noticed[entry]) book.noticed.add(entry);
  }
  return book;
}

/** The age rule is absolute: no longing toward or from anyone under age, whatever the canon says. */
function shieldedByAge(w: Engine, rule: DriveRule, feeler: number, other: number): boolean {
  const chars = w.definition.characters;
  return rule.drive === 'longing' && (!isAdult(chars[feeler]!) || (other >= 0 && !isAdult(chars[other]!)));
}

/** Reacts to the events of this instant, in order. */
export function react(w: Engine, events: readonly WorldEvent[]): void {
  const rules = Object.entries(w.canon.rules).filter(([, r]) => r.enabled && r.on !== 'presence');
  for (const event of events) {
    for (const [id, rule] of rules) if (rule.on === event.type) fire(w, id, rule, event);
  }
}

function fire(w: Engine, id: string, rule: DriveRule, event: WorldEvent): void {
  for (let feeler = 0; feeler < w.n; feeler++) {
    if (!rule.feels.includes(representationOf(w, feeler))) continue;
    const other =
      rule.toward === 'event-actor'
        ? indexOf(w, event.actor)
        : rule.toward === 'event-target'
          ? indexOf(w, event.target)
          : -1;
    if (rule.toward !== 'all' && (other < 0 || other === feeler)) continue;
    if (shieldedByAge(w, rule, feeler, other)) continue;
    const subject: RuleSubject = { feeler, other, pair: other < 0 ? -1 : findPair(w, feeler, other), event };
    if (!ruleHolds(w, rule, subject)) continue;
    const factors = ruleFactors(w, rule, subject);
    const amount = Object.values(factors).reduce((a, b) => a * b, rule.amount);
    if (rule.change === 'calm') calm(w, id, rule, feeler, amount, event, factors);
    else impulse(w, id, rule, feeler, other, amount, event, factors);
  }
}

function impulse(
  w: Engine,
  id: string,
  rule: DriveRule,
  feeler: number,
  other: number,
  amount: number,
  event: WorldEvent,
  factors: Record<string, number>,
): void {
  const before = level(w, feeler, other, rule.drive);
  const after = before + amount;
  setLevel(w, feeler, other, rule.drive, after);
  // What the impulse rests on: the event, and the drive that made the event matter (protect).
  const grounds = [event.id, ...groundsOf(w, feeler, event)];
  const driveEvent = emitAbout(w, 'drive', { actor: feeler, target: other, value: rule.drive }, grounds, {
    rule: id,
    mechanic: rule.mechanic,
    before: round3(before),
    level: round3(after),
    amount: rule.amount,
    ...roundAll(factors),
  });
  w.s.pairs.driveEvents[driveEntry(w, feeler, other, rule.drive)] = driveEvent;
  if (rule.drive === 'longing') whine(w, feeler, other, after, driveEvent, event);
}

function groundsOf(w: Engine, feeler: number, event: WorldEvent): number[] {
  const out: number[] = [];
  for (const who of [indexOf(w, event.target), indexOf(w, event.actor)]) {
    if (who >= 0 && who !== feeler) out.push(...lastDriveEvent(w, feeler, who, 'protect'));
  }
  return out;
}

function calm(
  w: Engine,
  id: string,
  rule: DriveRule,
  feeler: number,
  amount: number,
  event: WorldEvent,
  factors: Record<string, number>,
): void {
  const keep = 1 - Math.min(1, amount);
  let before = 0;
  let after = 0;
  const others = w.slotsOf[feeler]!.map((slot) => w.s.pairs.other[slot]!);
  for (const other of others) {
    const now = level(w, feeler, other, rule.drive);
    if (now <= 0) continue;
    before = Math.max(before, now);
    setLevel(w, feeler, other, rule.drive, now * keep);
    after = Math.max(after, now * keep);
  }
  if (before <= 0) return;
  const driveEvent = emitAbout(w, 'drive', { actor: feeler, value: 'calm' }, [event.id], {
    rule: id,
    mechanic: rule.mechanic,
    drive: rule.drive,
    before: round3(before),
    level: round3(after),
    amount: rule.amount,
    ...roundAll(factors),
  });
  for (const other of others) {
    if (level(w, feeler, other, rule.drive) > 0)
      w.s.pairs.driveEvents[driveEntry(w, feeler, other, rule.drive)] = driveEvent;
  }
}

/** Sustained drives (`presence` rules) move toward their levels over `seconds`. */
export function sustain(w: Engine, seconds: number): void {
  const s = w.s;
  const book = w.drives;
  const thresholds = w.canon.instinct.thresholds;
  const notice = thresholds.notice;
  const pairs = s.pairs;
  for (const entry of book.sustained) pairs.sustained[entry] = 0;
  book.sustained = [];
  const subject: RuleSubject = { feeler: 0, other: 0, pair: -1 };
  const everyone = Array.from({ length: w.n }, (_, i) => i);
  // Per feeler, those near and their pairs' slots, for every rule that weighs pairs: a slot once
  // found never moves, and one not yet made (−1) is looked for again, since a rule may make it.
  const nearby = new Map<number, { others: number[]; slots: number[] }>();
  for (const [id, rule] of Object.entries(w.canon.rules)) {
    if (!rule.enabled || rule.on !== 'presence') continue;
    const needsPairs = ruleNeedsPairs(rule);
    for (let feeler = 0; feeler < w.n; feeler++) {
      if (!rule.feels.includes(representationOf(w, feeler))) continue;
      subject.feeler = feeler;
      let others = everyone;
      let slots: number[] | undefined;
      if (needsPairs) {
        let near = nearby.get(feeler);
        if (!near) {
          const them = pairsOf(w, feeler);
          near = { others: them, slots: them.map((other) => findPair(w, feeler, other)) };
          nearby.set(feeler, near);
        }
        others = near.others;
        slots = near.slots;
      }
      for (let i = 0; i < others.length; i++) {
        const other = others[i]!;
        if (other === feeler || shieldedByAge(w, rule, feeler, other)) continue;
        subject.other = other;
        if (slots) {
          if (slots[i]! < 0) slots[i] = findPair(w, feeler, other);
          subject.pair = slots[i]!;
        } else subject.pair = findPair(w, feeler, other);
        if (!ruleHolds(w, rule, subject)) continue;
        const target = ruleAmount(w, rule, subject);
        const before = level(w, feeler, other, rule.drive);
        // Above its level a drive fades as usual; below it, it is held up and rises.
        if (before >= target) continue;
        const entry = driveEntry(w, feeler, other, rule.drive);
        pairs.sustained[entry] = 1;
        book.sustained.push(entry);
        const approach = seconds > 0 ? 1 - Math.exp(-seconds / w.canon.instinct.riseTime[rule.drive]) : 0;
        const after = before + (target - before) * approach;
        setLevel(w, feeler, other, rule.drive, after);
        if (after >= notice && !pairs.noticed[entry]) {
          pairs.noticed[entry] = 1;
          book.noticed.add(entry);
          const grounds = pairs.perceptEvents[Math.floor(entry / DRIVE_COUNT)]!;
          pairs.driveEvents[entry] = emitAbout(
            w,
            'drive',
            { actor: feeler, target: other, value: rule.drive },
            grounds > 0 ? [grounds] : [],
            {
              rule: id,
              mechanic: rule.mechanic,
              level: round3(after),
              toward: round3(target),
              amount: rule.amount,
              ...roundAll(ruleFactors(w, rule, subject)),
            },
          );
        }
      }
    }
  }
  for (const entry of book.noticed) {
    if (pairs.drives[entry]! < notice * thresholds.reset) {
      pairs.noticed[entry] = 0;
      book.noticed.delete(entry);
    }
  }
}

/** Drives nothing holds up fade over `seconds`, each with its half-life. */
export function elapseDrives(w: Engine, seconds: number): void {
  const keep = DRIVES.map((d) => 0.5 ** (seconds / w.canon.instinct.halfLife[d]));
  const { drives, sustained } = w.s.pairs;
  for (const i of w.drives.live) {
    if (drives[i] && !sustained[i]) drives[i]! *= keep[i % DRIVE_COUNT]!;
  }
}
