/**
 * One vocabulary in scenario files: every action that concerns a character names it `target:`, a
 * medication is named `medication:`. The old spellings (`say … to:`, `take … item:`) still work, with
 * a deprecation warning at the line where they are written.
 */
import { describe, expect, it } from 'vitest';
import { World } from '../src/engine/world.js';
import { formatScenarioWarning, loadScenario } from '../src/scenario/index.js';
import { ACTION_FIELDS, ACTION_KINDS, RENAMED_FIELDS } from '../src/vocabulary/actions.js';
import { find } from './helpers.js';

const scene = (timeline: string[]) => `omegaverse: 1
places:
  room: { volume: 60, ventilation: 2 }
characters:
  kade: { representation: alpha, age: 30, at: room }
  vesna: { representation: omega, age: 28, at: room }
timeline:
${timeline.map((line) => `  - ${line}`).join('\n')}
`;

function load(text: string) {
  const result = loadScenario(text, 'scene.yaml');
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result;
}

describe('the action table', () => {
  it('names a target as `target` in every action that concerns a character', () => {
    for (const kind of ACTION_KINDS) {
      const fields = ACTION_FIELDS[kind] as Record<string, string>;
      for (const [name, spec] of Object.entries(fields)) {
        // `about` is whom a fact is about, not whom the action is done to.
        if (spec.startsWith('character') && name !== 'about')
          expect(`${kind}.${name}`).toBe(`${kind}.target`);
      }
    }
  });

  it('renames only to fields the table has', () => {
    for (const [kind, renamed] of Object.entries(RENAMED_FIELDS)) {
      for (const now of Object.values(renamed!)) expect(ACTION_FIELDS[kind as 'say']).toHaveProperty(now);
    }
  });
});

describe('say … target:', () => {
  it('says something to someone', () => {
    const result = load(scene(['{ at: "0:00:05", actor: kade, do: say, target: vesna, text: "Sit." }']));
    expect(result.warnings).toEqual([]);
    const world = World.create(result.definition);
    world.run();
    expect(find(world.events, 'say', 'kade', 'vesna')).toHaveLength(1);
  });

  it('still reads the old `to:`, with a warning at the key, and runs the same', () => {
    const old = load(scene(['{ at: "0:00:05", actor: kade, do: say, to: vesna, text: "Sit." }']));
    const now = load(scene(['{ at: "0:00:05", actor: kade, do: say, target: vesna, text: "Sit." }']));
    expect(old.warnings.map(formatScenarioWarning)).toEqual([
      "scene.yaml:8:44: warning: 'to' in a 'say' is deprecated: write 'target'\n" +
        `  hint: target: "vesna" means the same; 'to' will stop working in a later format version`,
    ]);
    expect(old.definition.timeline).toEqual(now.definition.timeline.map((a) => ({ ...a })));
    const run = (def: typeof old.definition) => JSON.stringify(World.create(def).run());
    expect(run(old.definition)).toBe(run(now.definition));
  });

  it('refuses both spellings at once, at the old one', () => {
    const result = loadScenario(
      scene(['{ at: "0:00:05", actor: kade, do: say, to: vesna, target: vesna, text: "Sit." }']),
      'scene.yaml',
    );
    expect(result).toMatchObject({
      ok: false,
      errors: [{ line: 8, column: 44, message: "a 'say' takes 'target', not both 'to' and 'target'" }],
    });
  });

  it('points an error about a value written the old way at where it is written', () => {
    const result = loadScenario(
      scene(['{ at: "0:00:05", actor: kade, do: say, to: vesa, text: "Sit." }']),
      'x.yaml',
    );
    expect(result).toMatchObject({
      ok: false,
      errors: [{ line: 8, column: 48, message: "unknown character 'vesa'", hint: "did you mean 'vesna'?" }],
    });
  });
});

describe('take / stop … medication:', () => {
  it('names the medication, in the timeline and in the log', () => {
    const result = load(
      scene([
        '{ at: "0:00:05", actor: vesna, do: take, medication: suppressant }',
        '{ at: "0:01:00", actor: vesna, do: stop, medication: suppressant }',
      ]),
    );
    expect(result.warnings).toEqual([]);
    const world = World.create(result.definition);
    world.run();
    expect(find(world.events, 'medication', 'vesna').map((e) => [e.value, e.data.medication])).toEqual([
      ['take', 'suppressant'],
      ['stop', 'suppressant'],
    ]);
  });

  it('still reads the old `item:`, in a demand too, each with a warning', () => {
    const result = load(
      scene([
        '{ at: "0:00:05", actor: vesna, do: take, item: suppressant }',
        '{ at: "0:00:10", actor: kade, do: order, target: vesna, demand: { do: stop, item: suppressant } }',
      ]),
    );
    expect(result.warnings.map((w) => [w.line, w.column, w.message])).toEqual([
      [8, 46, "'item' in a 'take' is deprecated: write 'medication'"],
      [9, 81, "'item' in a 'stop' is deprecated: write 'medication'"],
    ]);
    expect(result.definition.timeline.map((a) => ('medication' in a ? a.medication : undefined))).toEqual([
      'suppressant',
      undefined,
    ]);
  });
});

describe('medications are canon data', () => {
  const withBlocker = (overrides: string) =>
    loadScenario(
      `omegaverse: 1
canon_overrides: ${overrides}
places:
  room: { volume: 60, ventilation: 2 }
characters:
  vesna: { representation: omega, age: 28, at: room, medication: [blocker] }
`,
      'scene.yaml',
    );

  it('a scenario adds a medication whole; only one that masks is a suppressant', () => {
    const plain = withBlocker('{ medications.blocker: { masks: false } }');
    if (!plain.ok) throw new Error(plain.errors[0]!.message);
    expect(plain.definition.canon.medications.blocker).toEqual({ masks: false });
    const world = World.create(plain.definition);
    world.run();
    // Not a suppressant: the omega note is not masked, so the beta-like note is not there.
    expect(world.dose('vesna', 'vesna').notes.beta).toBe(0);
    const masking = withBlocker('{ medications.blocker: { masks: true } }');
    if (!masking.ok) throw new Error(masking.errors[0]!.message);
    expect(masking.definition.canon.medications.blocker).toEqual({ masks: true });
  });

  it('names an unknown medication, and a malformed new one, where they are written', () => {
    expect(withBlocker('{}')).toMatchObject({
      ok: false,
      errors: [
        {
          line: 6,
          message: "unknown medication 'blocker'",
          hint: 'add your own under canon_overrides.medications.NAME',
        },
      ],
    });
    expect(withBlocker('{ medications.blocker: { masks: 1 } }')).toMatchObject({
      ok: false,
      errors: [
        { line: 2, message: 'masks must be true or false', hint: 'a medication is { masks: true|false }' },
        // Not added, so the character's medication is unknown too.
        { line: 6, message: "unknown medication 'blocker'" },
      ],
    });
  });
});
