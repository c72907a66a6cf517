/**
 * Warnings for times written in a form easy to misread (`"5:00"` is five hours; `"-20d 10:00"` is 20
 * days and 10 hours before the start), each at the line where it is written, saying how it was read.
 * The schema notes the texts as it reads them; this finds where the file wrote them: wherever a text
 * became a number of seconds.
 */
import { quote } from '../shape/wording.js';
import type { Misreading } from '../units/time.js';
import type { ScenarioError } from './errors.js';
import type { Locator, Path } from './locator.js';

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The warnings for `misread` texts in `written` (the parsed file), read into `shaped` (the schema's output). */
export function misreadingWarnings(
  written: unknown,
  shaped: unknown,
  misread: ReadonlyMap<string, Misreading>,
  locator: Locator,
): ScenarioError[] {
  const warnings: ScenarioError[] = [];
  const walk = (raw: unknown, read: unknown, path: Path) => {
    if (typeof raw === 'string' && typeof read === 'number') {
      const how = misread.get(raw);
      if (how)
        warnings.push(locator.at(path, { message: `${quote(raw)} read as ${how.reading}`, hint: how.hint }));
    } else if (Array.isArray(raw) && Array.isArray(read)) {
      raw.forEach((item, i) => {
        walk(item, read[i], [...path, i]);
      });
    } else if (isMap(raw) && isMap(read)) {
      for (const key of Object.keys(raw))
        if (Object.hasOwn(read, key)) walk(raw[key], read[key], [...path, key]);
    }
  };
  if (misread.size) walk(written, shaped, []);
  return warnings;
}
