/**
 * What one run of an ensemble shows, kept small enough to send between threads and store in partial
 * results: for each expectation, whether it held and when it first matched; for each event type ×
 * actor × target that occurred, when it first did.
 */
import { World } from '../engine/world.js';
import type { Expectation, WorldDefinition } from '../model/definition.js';
import type { WorldEvent } from '../model/events.js';
import { checkExpectations } from '../model/expect.js';
import { type EnsemblePlan, pointDefinition, runSpec } from './plan.js';

export interface RunOutcome {
  run: number;
  seed: number;
  /** per expectation, in the file's order: whether it held, and the first matching instant (or null) */
  expectations: [held: boolean, first: number | null][];
  /** each event type × actor × target that occurred, in order of first occurrence ('' for no one) */
  events: [type: string, actor: string, target: string, first: number][];
}

export function outcomeOf(
  run: number,
  seed: number,
  expectations: readonly Expectation[],
  events: readonly WorldEvent[],
): RunOutcome {
  const firsts = new Map<string, RunOutcome['events'][number]>();
  for (const e of events) {
    const key = `${e.type}\u0000${e.actor ?? ''}\u0000${e.target ?? ''}`;
    if (!firsts.has(key)) firsts.set(key, [e.type, e.actor ?? '', e.target ?? '', e.t]);
  }
  return {
    run,
    seed,
    expectations: checkExpectations(expectations, events).map((r) => [r.passed, r.matches[0]?.t ?? null]),
    events: [...firsts.values()],
  };
}

/**
 * A function that runs any run of the plan and returns its outcome. Each grid point's definition is
 * built on first use and kept: a worker runs many repetitions of the same few points.
 */
export function ensembleRunner(def: WorldDefinition, plan: EnsemblePlan): (run: number) => RunOutcome {
  const points = new Map<number, WorldDefinition>();
  return (run) => {
    const spec = runSpec(plan, run);
    let pointDef = points.get(spec.point);
    if (!pointDef) {
      pointDef = pointDefinition(def, plan, spec.point);
      points.set(spec.point, pointDef);
    }
    const until = plan.until === undefined ? {} : { until: plan.until };
    const events = World.create(pointDef, { seed: spec.seed, ...until }).run();
    return outcomeOf(run, spec.seed, pointDef.expectations, events);
  };
}
