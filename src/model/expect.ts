/**
 * `expect:` entries turn a scenario into a test of the world's canon: each names an event type, may
 * filter by actor, target, value and data, and holds over a window of time.
 */
import type { Expectation, Scalar } from './definition.js';
import type { WorldEvent } from './events.js';

export interface ExpectationResult {
  expectation: Expectation;
  passed: boolean;
  /** the events that matched, in order */
  matches: WorldEvent[];
  /** when it failed, the events of the log nearest to what was expected */
  nearest: WorldEvent[];
}

const inWindow = (x: Expectation, t: number) =>
  (x.from === undefined || t >= x.from) && (x.to === undefined || (x.toInclusive ? t <= x.to : t < x.to));

/** Whether an event has the expected type and every filter the expectation gives. */
export function matchesFilters(x: Expectation, e: WorldEvent): boolean {
  if (e.type !== x.event) return false;
  if (x.actor !== undefined && e.actor !== x.actor) return false;
  if (x.target !== undefined && e.target !== x.target) return false;
  if (x.value !== undefined && e.value !== x.value) return false;
  if (x.data) for (const [key, value] of Object.entries(x.data)) if (e.data[key] !== value) return false;
  return true;
}

export function checkExpectation(x: Expectation, events: readonly WorldEvent[]): ExpectationResult {
  const matches = events.filter((e) => matchesFilters(x, e) && inWindow(x, e.t));
  const passed = x.never
    ? matches.length === 0
    : x.count !== undefined
      ? matches.length === x.count
      : matches.length > 0;
  return { expectation: x, passed, matches, nearest: passed ? [] : nearest(x, events, matches) };
}

export function checkExpectations(
  expectations: readonly Expectation[],
  events: readonly WorldEvent[],
): ExpectationResult[] {
  return expectations.map((x) => checkExpectation(x, events));
}

/**
 * What the log held nearest to a failed expectation: for `never` and `count`, the offending matches;
 * otherwise events of the same type ranked by how many filters they meet, then by distance in time.
 */
function nearest(x: Expectation, events: readonly WorldEvent[], matches: WorldEvent[]): WorldEvent[] {
  if (matches.length) return matches.slice(0, 3);
  const score = (e: WorldEvent) => {
    let s = 0;
    if (x.actor === undefined || e.actor === x.actor) s++;
    if (x.target === undefined || e.target === x.target) s++;
    if (x.value === undefined || e.value === x.value) s++;
    if (!x.data || Object.entries(x.data).every(([k, v]) => e.data[k] === (v as Scalar))) s++;
    if (inWindow(x, e.t)) s++;
    return s;
  };
  const distance = (e: WorldEvent) =>
    x.from !== undefined && e.t < x.from ? x.from - e.t : x.to !== undefined && e.t > x.to ? e.t - x.to : 0;
  return events
    .filter((e) => e.type === x.event)
    .map((e) => ({ e, s: score(e), d: distance(e) }))
    .sort((a, b) => b.s - a.s || a.d - b.d || a.e.id - b.e.id)
    .slice(0, 3)
    .map(({ e }) => e);
}
