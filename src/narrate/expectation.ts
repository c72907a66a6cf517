/** One line per expectation for `omegaverse test`: what was expected, and what the log held. */
import type { Expectation } from '../model/definition.js';
import type { ExpectationResult } from '../model/expect.js';
import { formatDuration, formatStamp } from '../units/time.js';

/** What an expectation asks for: `never identify *→phasma before 0:03:00`. */
export function describeWanted(x: Expectation): string {
  const who = [x.actor ?? '*', x.target ? `→${x.target}` : ''].join('');
  const value = x.value !== undefined ? ` = ${x.value}` : '';
  const data = x.data
    ? ` ${Object.entries(x.data)
        .map(([k, v]) => `${k}:${v}`)
        .join(' ')}`
    : '';
  const window =
    x.from !== undefined && x.to !== undefined
      ? x.toInclusive
        ? ` within [${formatDuration(x.from)}, ${formatDuration(x.to)}]`
        : ` in [${formatDuration(x.from)}, ${formatDuration(x.to)})`
      : x.from !== undefined
        ? ` after ${formatDuration(x.from)}`
        : x.to !== undefined
          ? ` before ${formatDuration(x.to)}`
          : '';
  const mode = x.never ? 'never ' : x.count !== undefined ? `exactly ${x.count}× ` : '';
  return `${mode}${x.event} ${who}${value}${data}${window}`;
}

/** A matching event, stamped as every narrated view stamps it: `#28 14:03:00 +0:03:00 identify rey→phasma = omega`. */
const brief = (e: ExpectationResult['matches'][number], clock: number) =>
  `#${e.id} ${formatStamp(clock, e.t)} ${e.type} ${e.actor ?? ''}${e.target ? `→${e.target}` : ''}${e.value !== undefined ? ` = ${e.value}` : ''}`;

/**
 * `✓ medbay.yaml:41 identify rey→phasma = omega within [0:03:00, 0:05:00] — 1 match, first #28 14:03:00
 * +0:03:00 …`: the window as the file writes it, the events stamped with the scenario's `clock` too.
 */
export function describeExpectation(r: ExpectationResult, clock: number): string {
  const mark = r.passed ? '✓' : '✗';
  const where = r.expectation.source ? `${r.expectation.source.file}:${r.expectation.source.line} ` : '';
  const head = `${mark} ${where}${describeWanted(r.expectation)}`;
  if (r.passed) {
    const first = r.matches[0];
    return r.expectation.never
      ? head
      : `${head} — ${r.matches.length} match${r.matches.length === 1 ? '' : 'es'}${first ? `, first ${brief(first, clock)}` : ''}`;
  }
  const x = r.expectation;
  const got = x.never || x.count !== undefined ? `found ${r.matches.length}` : 'no matching event';
  const nearest = r.nearest.length
    ? `; nearest: ${r.nearest.map((e) => brief(e, clock)).join('; ')}`
    : '; the log has no event of that type';
  return `${head} — ${got}${nearest}`;
}
