/**
 * Old spellings of the format, still read: each is rewritten to today's before the file's shape is
 * checked, with a warning at the line where it is written. Errors about a rewritten value still point
 * at what the file says.
 */
import { shorten } from '../shape/wording.js';
import { RENAMED_FIELDS } from '../vocabulary/actions.js';
import type { ScenarioError } from './errors.js';
import type { Locator, Path } from './locator.js';

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Rewrites the deprecated fields of `data` (parsed, not yet checked) in place. Returns the warnings
 * and, for errors found later, a locator that maps a rewritten field back to where it was written.
 */
export function rewriteDeprecated(
  data: unknown,
  locator: Locator,
): { warnings: ScenarioError[]; errors: ScenarioError[]; locator: Locator } {
  const warnings: ScenarioError[] = [];
  const errors: ScenarioError[] = [];
  /** new path (joined) → old path */
  const moved = new Map<string, Path>();
  const rewrite = (action: unknown, path: Path) => {
    if (!isMap(action)) return;
    const renamed =
      typeof action.do === 'string' ? RENAMED_FIELDS[action.do as keyof typeof RENAMED_FIELDS] : undefined;
    for (const [old, now] of Object.entries(renamed ?? {})) {
      if (!Object.hasOwn(action, old)) continue;
      if (Object.hasOwn(action, now)) {
        errors.push(
          locator.atKey([...path, old], {
            message: `a '${action.do}' takes '${now}', not both '${old}' and '${now}'`,
            hint: `'${old}' is the old spelling of '${now}': remove it`,
          }),
        );
        // Reported once: the shape check does not need to call it an unknown key too.
        delete action[old];
        continue;
      }
      warnings.push(
        locator.atKey([...path, old], {
          message: `'${old}' in a '${action.do}' is deprecated: write '${now}'`,
          hint: `${now}: ${shorten(JSON.stringify(action[old]))} means the same; '${old}' will stop working in a later format version`,
        }),
      );
      action[now] = action[old];
      delete action[old];
      moved.set([...path, now].join('\u0000'), [...path, old]);
    }
    if (action.do === 'order') rewrite(action.demand, [...path, 'demand']);
  };
  if (isMap(data) && Array.isArray(data.timeline)) {
    data.timeline.forEach((a, i) => {
      rewrite(a, ['timeline', i]);
    });
  }
  if (moved.size === 0) return { warnings, errors, locator };
  /** The path as written in the file: a rewritten field (or anything under it) is found at its old key. */
  const written = (path: Path): Path => {
    for (let end = path.length; end > 0; end--) {
      const old = moved.get(path.slice(0, end).join('\u0000'));
      if (old) return [...old, ...path.slice(end)];
    }
    return path;
  };
  return {
    warnings,
    errors,
    locator: {
      position: (path) => locator.position(written(path)),
      at: (path, detail) => locator.at(written(path), detail),
      atKey: (path, detail) => locator.atKey(written(path), detail),
    },
  };
}
