/**
 * Scenario files: YAML (or JSON) text in, a validated `WorldDefinition` out, or every mistake with its
 * file, line and column. Takes text, never a path: reading files is the caller's business, so this
 * runs in browsers too.
 */
import type { WorldDefinition } from '../model/definition.js';
import { compileScenario } from './compile.js';
import { rewriteDeprecated } from './deprecations.js';
import { type ScenarioError, settleErrors } from './errors.js';
import type { ParsedText } from './locator.js';
import { misreadingWarnings } from './misreadings.js';
import { parseScenarioText } from './parse.js';
import { readShape, schemaErrors } from './schema.js';

export { formatScenarioError, formatScenarioWarning, type ScenarioError } from './errors.js';

/**
 * A loaded scenario, with the warnings its file gave (deprecated spellings, times easy to misread, each
 * at its line), or every error. Warnings are the same shape as errors and are shown the same way,
 * labelled `warning:`.
 */
export type LoadResult =
  | { ok: true; definition: WorldDefinition; warnings: ScenarioError[] }
  | { ok: false; errors: ScenarioError[] };

/**
 * Parses and checks a scenario. `file` names it in errors and in `definition.file`. The checks run in
 * three stages (YAML syntax, the file's shape, then references and the timeline); the first stage with
 * errors reports all of its own, since the later ones need what it would have produced.
 */
export function loadScenario(text: string, file: string): LoadResult {
  return loadParsed(parseScenarioText(text, file), file);
}

/** The checks after the text was read (as JSON or YAML): the shape, then references and the timeline. */
export function loadParsed(parsed: ParsedText, file: string): LoadResult {
  if (!parsed.ok) return { ok: false, errors: settleErrors(parsed.errors) };
  const { warnings, errors, locator } = rewriteDeprecated(parsed.data, parsed.locator);
  const { result: shaped, misread } = readShape(parsed.data);
  if (!shaped.success || errors.length)
    return {
      ok: false,
      errors: settleErrors([
        ...errors,
        ...(shaped.success ? [] : schemaErrors(shaped.error.issues, locator)),
      ]),
    };
  const compiled = compileScenario(shaped.data, locator, file);
  return compiled.ok
    ? {
        ...compiled,
        warnings: settleErrors([
          ...warnings,
          ...misreadingWarnings(parsed.data, shaped.data, misread, locator),
        ]),
      }
    : { ok: false, errors: settleErrors(compiled.errors) };
}
