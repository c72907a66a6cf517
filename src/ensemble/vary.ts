/**
 * A sweep's parameters, as written on the command line: `PATH=A..B:STEPS` (STEPS evenly spaced values
 * from A to B, both included) or `PATH=a,b,c` (the values listed). The sweep runs every combination.
 */
import type { Scalar } from '../model/definition.js';
import { EnsembleError } from './errors.js';

export interface Vary {
  /** a canon parameter (`perception.identify`), `characters.ID.FIELD` or `relations.A.B.FIELD` */
  path: string;
  values: Scalar[];
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const RANGE = /^(.+)\.\.(.+):(\d+)$/;

/** Reads a value as the scenario would: a number, true or false, or else text. */
function scalar(text: string): Scalar {
  if (NUMBER.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

/** `a + (b − a)·k/(n − 1)`, with the binary noise of the division rounded away (0.30000000000000004). */
const tidy = (x: number) => Number(x.toPrecision(12));

export function parseVary(written: string): Vary {
  const equals = written.indexOf('=');
  const path = written.slice(0, equals).trim();
  const spec = written.slice(equals + 1).trim();
  if (equals < 0 || !path || !spec)
    throw new EnsembleError(
      `--vary '${written}': expected PATH=A..B:STEPS or PATH=a,b,c`,
      'for example --vary perception.identify=0.4..0.8:5 or --vary characters.rey.self_control=0.3,0.9',
    );
  const range = RANGE.exec(spec);
  if (range) {
    const [, from, to, steps] = range as unknown as [string, string, string, string];
    if (!NUMBER.test(from.trim()) || !NUMBER.test(to.trim()))
      throw new EnsembleError(
        `--vary '${written}': a range A..B:STEPS takes numbers, got '${from}' and '${to}'`,
        'list other values with commas: PATH=a,b,c',
      );
    const n = Number(steps);
    if (n < 2)
      throw new EnsembleError(
        `--vary '${written}': a range needs at least 2 steps, got ${n}`,
        'STEPS counts the values, both ends included: 0..1:5 is 0, 0.25, 0.5, 0.75, 1',
      );
    const a = Number(from);
    const b = Number(to);
    return { path, values: Array.from({ length: n }, (_, k) => tidy(a + ((b - a) * k) / (n - 1))) };
  }
  const items = spec.split(',').map((item) => item.trim());
  if (items.some((item) => !item))
    throw new EnsembleError(`--vary '${written}': an empty value in the list`, 'write PATH=a,b,c');
  const values = items.map(scalar);
  const seen = new Set<Scalar>();
  for (const value of values) {
    if (seen.has(value))
      throw new EnsembleError(
        `--vary '${written}': ${String(value)} is listed twice`,
        'list each value once',
      );
    seen.add(value);
  }
  return { path, values };
}
