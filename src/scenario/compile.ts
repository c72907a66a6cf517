/**
 * From a well-shaped scenario file to a `WorldDefinition`: every id, item and medication must exist,
 * the age rule must hold, and the timeline must be possible when walked in order (no walking through
 * closed doors, no removing what is not worn). All mistakes are collected before giving up.
 */
import { applyOverrides, type Canon, presets } from '../canon/index.js';
import { notAdult, unknownId, type Vocabulary, vocabularies } from '../engine/actions/references.js';
import { validateRules } from '../engine/instinct/rules.js';
import { characterName, type WorldDefinition } from '../model/definition.js';
import { quote } from '../shape/wording.js';
import { formatDuration } from '../units/time.js';
import { buildDefinition } from './definition.js';
import { type ErrorDetail, type ScenarioError, settleErrors } from './errors.js';
import type { Locator, Path } from './locator.js';
import type { ScenarioFile } from './schema.js';
import { checkTimeline } from './timeline.js';

export type CompileResult =
  | { ok: true; definition: WorldDefinition }
  | { ok: false; errors: ScenarioError[] };

export function compileScenario(src: ScenarioFile, locator: Locator, file: string): CompileResult {
  const errors: ScenarioError[] = [];
  const at = (path: Path, detail: ErrorDetail) => errors.push(locator.at(path, detail));
  const atKey = (path: Path, detail: ErrorDetail) => errors.push(locator.atKey(path, detail));

  const canon = overriddenCanon(src, (path, detail, onKey) => (onKey ? atKey : at)(path, detail));

  const placeIds = Object.keys(src.places);
  const characterIds = Object.keys(src.characters);
  const vocabulary = vocabularies({
    places: placeIds,
    doors: src.doors.map((d) => d.id),
    characters: characterIds,
    items: Object.keys(canon.gear),
    medications: Object.keys(canon.medications),
    rosterEvents: src.roster.map((r) => r.id),
  });

  /**
   * The errors about unknown ids, each with how to make it again with its did-you-mean: that searches
   * every id of its kind, so it is made only for the errors shown, or a crew of 10,000 in a place not
   * written would search 10,000 places 10,000 times.
   */
  const withDidYouMean = new Map<ScenarioError, () => ScenarioError>();
  /** Whether `id` is known; if not, reports it at `path` with a did-you-mean. */
  const known = (vocab: Vocabulary, id: string, path: Path): boolean => {
    if (vocab.has.has(id)) return true;
    const error = locator.at(path, unknownId({ ...vocab, ids: [] }, id)!);
    withDidYouMean.set(error, () => locator.at(path, unknownId(vocab, id)!));
    errors.push(error);
    return false;
  };

  const nameOf = (id: string) => characterName(id, src.characters[id]?.name);

  /**
   * Reports at `path` a character who is under age, or whose age is not given, for something the age
   * rule reserves to adults (a cycle, a rut, a bond, a mark, a relation that could start one).
   */
  const adultOnly = (id: string, path: Path) => {
    if (!Object.hasOwn(src.characters, id)) return;
    const problem = notAdult(nameOf(id), id, src.characters[id]!.age);
    if (problem) at(path, problem);
  };

  // Places and doors.
  const seenDoors = new Set<string>();
  src.doors.forEach((door, i) => {
    const path = ['doors', i];
    if (seenDoors.has(door.id)) {
      at([...path, 'id'], {
        message: `door ${quote(door.id)} is defined twice`,
        hint: 'give each door its own id',
      });
    }
    seenDoors.add(door.id);
    const [a, b] = door.between;
    const bothKnown = [a, b].map((p, j) => known(vocabulary.place, p, [...path, 'between', j]));
    if (bothKnown.every(Boolean) && a === b) {
      at([...path, 'between'], {
        message: `door ${quote(door.id)} joins ${quote(a)} to itself`,
        expected: 'two different places',
      });
    }
  });

  // Characters.
  for (const [id, c] of Object.entries(src.characters)) {
    const path = ['characters', id];
    known(vocabulary.place, c.at, [...path, 'at']);
    for (const field of ['wears', 'carries'] as const) {
      for (const [j, item] of c[field].entries()) known(vocabulary.item, item, [...path, field, j]);
    }
    for (const [j, m] of c.medication.entries()) {
      known(vocabulary.medication, m.name, [...path, 'medication', j, 'name']);
    }
    if (c.cycle) {
      // An unpresented character's cycle starts if they present as an omega.
      if (c.representation !== 'omega' && c.representation !== 'unpresented') {
        at([...path, 'cycle'], {
          message: `${nameOf(id)} is ${article(c.representation)} ${c.representation}: only omegas have a heat cycle`,
          ...(c.representation === 'alpha' && { hint: "an alpha's cycle is a rut: write rut: { … }" }),
        });
      }
      adultOnly(id, [...path, 'cycle']);
    }
    if (c.rut) {
      if (!canon.rut.enabled) {
        at([...path, 'rut'], {
          message: `the ${src.canon} canon has no rut`,
          hint: 'use canon: classic, or canon_overrides: { rut.enabled: true }',
        });
      } else if (c.representation !== 'alpha' && c.representation !== 'unpresented') {
        at([...path, 'rut'], {
          message: `${nameOf(id)} is ${article(c.representation)} ${c.representation}: only alphas have a rut`,
          ...(c.representation === 'omega' && {
            hint: "an omega's cycle is a heat cycle: write cycle: { … }",
          }),
        });
      }
      if (c.cycle) {
        at([...path, 'rut'], {
          message: `${nameOf(id)} has both a heat cycle and a rut`,
          hint: 'a body lives one cycle: keep the one of what they are (or will present as)',
        });
      }
      adultOnly(id, [...path, 'rut']);
    }
    if (c.bonded_to !== undefined) {
      const bondPath = [...path, 'bonded_to'];
      if (c.bonded_to === id) at(bondPath, { message: `${nameOf(id)} cannot be bonded to themself` });
      else if (known(vocabulary.character, c.bonded_to, bondPath)) {
        adultOnly(id, bondPath);
        adultOnly(c.bonded_to, bondPath);
      }
    }
    for (const [j, other] of c.knows.entries()) {
      if (other !== id) known(vocabulary.character, other, [...path, 'knows', j]);
      else {
        at([...path, 'knows', j], {
          message: `${nameOf(id)} is listed as knowing themself`,
          hint: 'everyone knows their own representation',
        });
      }
    }
  }

  src.relations.forEach((r, i) => {
    const path = ['relations', i, 'between'];
    const bothKnown = r.between.map((who, j) => known(vocabulary.character, who, [...path, j]));
    if (bothKnown.every(Boolean) && r.between[0] === r.between[1]) {
      at(path, {
        message: `a relation joins ${quote(r.between[0])} to themself`,
        expected: 'two different characters',
      });
    }
    // Chemistry or declared partners could start a longing, a bond or a leave together: adults only.
    if (bothKnown.every(Boolean) && (r.affinity !== undefined || r.on_leave_with)) {
      for (const who of r.between) adultOnly(who, path);
    }
  });

  // Roster.
  const seenEvents = new Set<string>();
  src.roster.forEach((r, i) => {
    const path = ['roster', i];
    if (seenEvents.has(r.id)) {
      at([...path, 'id'], {
        message: `roster event ${quote(r.id)} is defined twice`,
        hint: 'give each event its own id',
      });
    }
    seenEvents.add(r.id);
    if (r.end <= r.start) {
      at([...path, 'end'], {
        message: `${quote(r.id)} ends at ${formatDuration(r.end)}, not after its start at ${formatDuration(r.start)}`,
      });
    }
    for (const [j, who] of r.participants.entries()) {
      known(vocabulary.character, who, [...path, 'participants', j]);
    }
  });

  // Timeline: references first, for every action and demand, then the walk in time order.
  const sorted = checkTimeline(src, canon, vocabulary, { at, known, adultOnly, nameOf });

  // Expectations.
  src.expect.forEach((x, i) => {
    const path = ['expect', i];
    if (x.actor !== undefined) known(vocabulary.character, x.actor, [...path, 'actor']);
    if (x.target !== undefined) known(vocabulary.character, x.target, [...path, 'target']);
    if (x.within) {
      for (const key of ['after', 'before'] as const) {
        if (x[key] !== undefined) {
          atKey([...path, key], {
            message: `'${key}' cannot be used together with 'within'`,
            hint: 'write within: [A, B] for A ≤ t ≤ B, or after: A and/or before: B for A ≤ t < B',
          });
        }
      }
      const [from, to] = x.within;
      if (to < from) {
        at([...path, 'within'], {
          message: `the window [${formatDuration(from)}, ${formatDuration(to)}] ends before it starts`,
        });
      }
    } else if (x.after !== undefined && x.before !== undefined && x.before <= x.after) {
      at([...path, 'before'], {
        message: `the window after ${formatDuration(x.after)} and before ${formatDuration(x.before)} is empty`,
      });
    }
    if (x.never && x.count !== undefined) {
      atKey([...path, 'count'], {
        message: "'count' cannot be used together with 'never: true'",
        hint: 'never: true means count: 0',
      });
    }
  });

  // Settled without the did-you-means, the same errors are shown: an unknown id's is the same
  // wherever the same id is unknown, so it is never all that tells two errors apart.
  if (errors.length > 0)
    return { ok: false, errors: settleErrors(errors).map((e) => withDidYouMean.get(e)?.() ?? e) };

  return {
    ok: true,
    definition: buildDefinition(
      src,
      canon,
      sorted.map(({ action, index }) => ({
        ...action,
        source: { file, ...locator.position(['timeline', index]) },
      })),
      file,
      (i) => ({ file, ...locator.position(['expect', i]) }),
    ),
  };
}

/** Where a rule's field was overridden, written dotted (`rules.x.amount`) or nested; else the overrides. */
function ruleOverridePath(overrides: Record<string, unknown>, rule: string, field: string): Path {
  for (const key of [`rules.${rule}.${field}`, `rules.${rule}`])
    if (Object.hasOwn(overrides, key)) return ['canon_overrides', key];
  return ['canon_overrides', 'rules', rule, field];
}

/** The preset with `canon_overrides` applied; each issue is reported (an unknown parameter at its key). */
function overriddenCanon(
  src: ScenarioFile,
  report: (path: Path, detail: ErrorDetail, onKey: boolean) => void,
): Canon {
  const { canon, issues } = applyOverrides(presets[src.canon], src.canon_overrides);
  for (const issue of issues) {
    report(
      ['canon_overrides', ...issue.path],
      { message: issue.message, ...(issue.hint !== undefined && { hint: issue.hint }) },
      // An unknown parameter is a wrong key, whatever its value.
      issue.kind === 'unknown',
    );
  }
  // Rules are data: after the overrides, every rule must still make sense and be able to fire.
  for (const issue of validateRules(canon.rules)) {
    report(
      ruleOverridePath(src.canon_overrides, issue.rule, issue.field),
      {
        message: `rule '${issue.rule}': ${issue.message}`,
        ...(issue.hint !== undefined && { hint: issue.hint }),
      },
      false,
    );
  }
  return canon;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');
