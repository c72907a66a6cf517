/**
 * The work of one instant, in order — the engine's systems over its one state, the way an ECS runs its
 * systems over component arrays:
 *
 *  1. the start's bookkeeping, once (records known, bodies already in a phase, reminders);
 *  2. the body: heat cycles move on; reminders that are due;
 *  3. the actions of this instant: those taken at run time, then the scripted ones in file order;
 *     mates apart or together again;
 *  4. emissions; statements judged by listeners' noses; perception and beliefs; onset advance;
 *  5. sustained drives (`presence` rules);
 *  6. reactions, in rounds: rules set off by this instant's events, orders weighed, volition — and
 *     what the engine made someone do (a helmet taken off when obeying) is smelled in the same instant.
 *
 * Between instants, `stepping.ts` advances the air, bodies and drives exactly.
 */
import type { EventType } from '../vocabulary/events.js';
import { performDue } from './actions/scheduled.js';
import { react, sustain } from './instinct/drives.js';
import { weighOrders } from './instinct/orders.js';
import { decide } from './instinct/volition.js';
import type { Engine } from './state/context.js';
import { adoptRecords } from './systems/beliefs.js';
import { knowMates } from './systems/bonds.js';
import { remind, scheduleAllReminders } from './systems/calendar-hooks.js';
import { startCycles, updateCycles } from './systems/cycle.js';
import { computeEmissions } from './systems/emission.js';
import { judgeStatements } from './systems/lies.js';
import { advanceOnsets } from './systems/onset-advance.js';
import { perceive } from './systems/perception.js';
import { updateSeparation } from './systems/separation.js';

/** Actions that change what anyone smells: when the engine decides one, perception looks again. */
const EXPOSURE_EVENTS: ReadonlySet<EventType> = new Set([
  'gear',
  'move',
  'door',
  'approach',
  'touch',
  'withdraw',
]);
/** How many times one instant's reactions may cause further reactions: a guard against a loop of rules. */
const MAX_REACTION_ROUNDS = 6;

export function processInstant(w: Engine): void {
  const s = w.s;
  if (!s.started) {
    s.started = true;
    adoptRecords(w);
    knowMates(w);
    startCycles(w);
    scheduleAllReminders(w);
  }
  const firstNew = s.events.length;
  const elapsed = s.t - s.lastInstant;
  s.lastInstant = s.t;
  updateCycles(w);
  remind(w);
  performDue(w);
  updateSeparation(w);
  computeEmissions(w);
  judgeStatements(w);
  perceive(w, elapsed);
  advanceOnsets(w, elapsed);
  sustain(w, elapsed);
  let reacted = firstNew;
  for (let round = 0; round < MAX_REACTION_ROUNDS; round++) {
    const fresh = s.events.slice(reacted);
    reacted = s.events.length;
    react(w, fresh);
    weighOrders(w);
    decide(w);
    const decided = s.events.slice(reacted);
    if (decided.some((e) => e.causes.length > 0 && EXPOSURE_EVENTS.has(e.type))) {
      computeEmissions(w);
      perceive(w, 0);
    }
    if (s.events.length === reacted) break;
  }
  computeEmissions(w);
}
