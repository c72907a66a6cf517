import { describe, expect, it } from 'vitest';
import { formatScenarioError, loadScenario, type ScenarioError } from '../src/scenario/index.js';
import { ACTION_KINDS } from '../src/vocabulary/actions.js';

/**
 * A valid scene of 12 lines. It ends inside `characters:`, so that appended lines indented by two
 * spaces add characters, and unindented ones start new sections. Appended text starts on line 13.
 */
const BASE = `omegaverse: 1
places:
  corridor: { volume: 200, ventilation: 4 }
  medbay: { volume: 90, ventilation: 2 }
  lab: { volume: 50, ventilation: 1 }
doors:
  - { id: medbay-door, between: [corridor, medbay] }
characters:
  rey: { representation: alpha, age: 19, at: corridor }
  finn: { representation: beta, at: corridor, carries: [blaster] }
  phasma: { representation: omega, age: 36, at: medbay, wears: [sealed-helmet] }
  kid: { representation: unpresented, age: 16, at: medbay }
`;

const base = (more: string) => BASE + more;

function errorsOf(text: string, file = 'medbay.yaml'): ScenarioError[] {
  const result = loadScenario(text, file);
  if (result.ok) throw new Error('the scenario compiled, but errors were expected');
  return result.errors;
}

/** The one error the text has (the test fails, listing them, if it has more). */
function onlyError(text: string, file?: string): ScenarioError {
  const errors = errorsOf(text, file);
  expect(errors.map(formatScenarioError)).toHaveLength(1);
  return errors[0]!;
}

describe('the base scene', () => {
  it('is valid', () => {
    expect(loadScenario(BASE, 'medbay.yaml')).toMatchObject({ ok: true });
  });
});

describe('YAML errors', () => {
  it('reports a syntax error where the parser stopped', () => {
    const text = `omegaverse: 1
places:
  medbay: { volume: 90, ventilation: 2 }
characters: x: y
`;
    expect(onlyError(text)).toEqual({
      file: 'medbay.yaml',
      line: 4,
      column: 13,
      message: 'YAML syntax error: nested mappings are not allowed in compact mappings',
    });
  });

  it('reports a duplicate key at its second occurrence', () => {
    expect(onlyError(base('  rey: { representation: beta, at: lab }\n'))).toMatchObject({
      line: 13,
      column: 3,
      message: "duplicate key 'rey'",
    });
  });
});

describe('the shape of the file', () => {
  it('names an unknown top-level key with a did-you-mean, and the required key it replaced', () => {
    const errors = errorsOf(BASE.replace('characters:', 'charcters:'));
    expect(errors).toEqual([
      {
        file: 'medbay.yaml',
        line: 1,
        column: 1,
        message: "missing 'characters'",
        expected: 'a map of characters by id',
      },
      {
        file: 'medbay.yaml',
        line: 8,
        column: 1,
        message: "unknown key 'charcters' in the scenario",
        expected: expect.stringContaining('one of omegaverse, title, seed,'),
        hint: "did you mean 'characters'?",
      },
    ]);
  });

  it('puts a missing key at the start of its map', () => {
    expect(onlyError(base('  ana: { representation: beta }\n'))).toMatchObject({
      line: 13,
      column: 8,
      message: "missing 'at'",
      expected: 'a place id',
    });
  });

  it('rejects an unknown format version', () => {
    expect(onlyError(BASE.replace('omegaverse: 1', 'omegaverse: 2'))).toMatchObject({
      line: 1,
      column: 13,
      message: 'unknown format version 2',
      hint: 'this engine reads omegaverse: 1 files',
    });
  });

  it('rejects a wrong representation, with a did-you-mean', () => {
    expect(onlyError(base('  ana: { representation: alfa, at: lab }\n'))).toMatchObject({
      line: 13,
      column: 26,
      message: "expected a representation, got 'alfa'",
      expected: 'one of alpha, beta, omega, unpresented',
      hint: "did you mean 'alpha'?",
    });
  });

  it('rejects a self_control out of 0..1', () => {
    expect(onlyError(base('  ana: { representation: beta, self_control: 1.5, at: lab }\n'))).toMatchObject({
      line: 13,
      column: 46,
      message: 'expected a number from 0 to 1, got 1.5',
    });
  });

  it('says what unit a number has', () => {
    expect(onlyError(BASE.replace('volume: 50', 'volume: big'))).toMatchObject({
      line: 5,
      column: 18,
      message: "expected a volume from 1 to 100000 m³, got 'big'",
    });
  });

  it('names an unknown key of a place, at the key', () => {
    expect(onlyError(BASE.replace('lab: { volume: 50,', 'lab: { colour: red, volume: 50,'))).toMatchObject({
      line: 5,
      column: 10,
      message: "unknown key 'colour' in a place",
      expected: 'one of name, article, preposition, volume, ventilation, x, y',
    });
  });

  it('rejects an unknown action kind, with a did-you-mean', () => {
    const text = base(`timeline:
  - { at: "0:00:05", actor: rey, do: opne, door: medbay-door }
`);
    expect(onlyError(text)).toMatchObject({
      line: 14,
      column: 38,
      message: "unknown action 'opne'",
      expected: expect.stringContaining('one of move, open, close,'),
      hint: "did you mean 'open'?",
    });
  });

  it('knows every action kind of the definition', () => {
    for (const kind of ACTION_KINDS) {
      const result = loadScenario(
        base(`timeline:\n  - { at: "0:00:05", actor: rey, do: ${kind} }\n`),
        'a.yaml',
      );
      const messages = result.ok ? [] : result.errors.map((e) => e.message);
      expect(messages.filter((m) => m.startsWith('unknown action'))).toEqual([]);
    }
  });

  it('rejects a field the action kind does not take', () => {
    const text = base(`timeline:
  - { at: "0:00:05", actor: rey, do: move, to: medbay, door: medbay-door }
`);
    expect(onlyError(text)).toMatchObject({
      line: 14,
      column: 56,
      message: "unknown key 'door' in a 'move' action",
      expected: 'one of at, actor, do, to',
    });
  });

  it('rejects a malformed duration, naming the syntax', () => {
    const text = base(`timeline:
  - { at: "1:7", actor: rey, do: open, door: medbay-door }
`);
    expect(onlyError(text)).toMatchObject({
      line: 14,
      column: 11,
      message: "malformed duration '1:7'",
      expected: expect.stringContaining('[-][Nd][ H:MM[:SS]]'),
    });
  });

  it('rejects a duration written as a bare number', () => {
    const text = base(`timeline:
  - at: 5
    actor: rey
    do: open
    door: medbay-door
`);
    expect(onlyError(text)).toMatchObject({
      line: 14,
      column: 9,
      message:
        'expected an instant from 0 to 3153600000 seconds ("0:00:00" to "36500d") as text, got the bare number 5',
      hint: 'write durations as a quoted string: "0:00:05" or "5s" is five seconds, "5d" five days',
    });
  });

  it('rejects an unknown event type in an expectation, with a did-you-mean', () => {
    const text = base(`expect:
  - { event: identfy, actor: rey }
`);
    expect(onlyError(text)).toMatchObject({
      line: 14,
      column: 14,
      message: "expected an event type, got 'identfy'",
      hint: "did you mean 'identify'?",
    });
  });

  it('finds the position in JSON input too', () => {
    const json = `{
  "omegaverse": 1,
  "places": { "room": { "volume": 60, "ventilation": 2 } },
  "characters": {
    "al": { "representation": "alpha", "at": "room", "self_control": -1 }
  }
}
`;
    expect(onlyError(json, 'scene.json')).toEqual({
      file: 'scene.json',
      line: 5,
      column: 70,
      message: 'expected a number from 0 to 1, got -1',
      hint: 'the nearest accepted value is 0',
    });
  });
});

describe('references', () => {
  it('rejects an unknown character in an action, with a did-you-mean', () => {
    const text = base(`timeline:
  - { at: "0:00:05", actor: fin, do: open, door: medbay-door }
`);
    expect(onlyError(text)).toEqual({
      file: 'medbay.yaml',
      line: 14,
      column: 29,
      message: "unknown character 'fin'",
      expected: 'a character id (rey, finn, phasma, kid)',
      hint: "did you mean 'finn'?",
    });
  });

  it('checks the ids inside an order’s demand', () => {
    const text = base(`timeline:
  - { at: "0:01:00", actor: phasma, do: order, target: kid, demand: { do: approach, target: ray } }
`);
    expect(onlyError(text)).toMatchObject({ line: 14, column: 93, message: "unknown character 'ray'" });
  });

  it('rejects an unknown item, naming the known ones and how to add one', () => {
    expect(onlyError(base('  ana: { representation: beta, at: lab, carries: [blastr] }\n'))).toMatchObject({
      line: 13,
      column: 51,
      message: "unknown item 'blastr'",
      hint: expect.stringMatching(
        /^did you mean 'blaster'\? known items: .*blaster.*; add your own under canon_overrides\.gear\.NAME$/,
      ),
    });
  });

  it('accepts an item added under canon_overrides.gear', () => {
    const text = base(`  ana: { representation: beta, at: lab, carries: [visor] }
canon_overrides:
  gear.visor: { emissionPass: 0.5 }
`);
    expect(loadScenario(text, 'medbay.yaml')).toMatchObject({ ok: true });
  });

  it('rejects an unknown canon parameter at its key, with a did-you-mean', () => {
    const text = base(`canon_overrides:
  perception: { identfy: 0.4 }
`);
    expect(onlyError(text)).toMatchObject({
      line: 14,
      column: 17,
      message: "unknown canon parameter 'perception.identfy'",
      hint: "did you mean 'perception.identify'?",
    });
  });

  it('rejects a cycle for anyone but an omega', () => {
    expect(
      onlyError(base('  ana: { representation: alpha, age: 30, at: lab, cycle: { onsets: ["-3d"] } }\n')),
    ).toMatchObject({
      line: 13,
      column: 58,
      message: 'Ana is an alpha: only omegas have a heat cycle',
      hint: "an alpha's cycle is a rut: write rut: { … }",
    });
  });

  it('rejects a rut where the canon has none, and for anyone but an alpha', () => {
    expect(
      onlyError(base('  ana: { representation: alpha, age: 30, at: lab, rut: { onsets: ["-3d"] } }\n')),
    ).toMatchObject({
      line: 13,
      message: 'the seeds canon has no rut',
      hint: 'use canon: classic, or canon_overrides: { rut.enabled: true }',
    });
    const classic = (line: string) =>
      `omegaverse: 1\ncanon: classic\n${BASE.slice('omegaverse: 1\n'.length)}${line}`;
    expect(
      loadScenario(
        classic('  ana: { representation: alpha, age: 30, at: lab, rut: { onsets: ["-3d"] } }\n'),
        'x.yaml',
      ),
    ).toMatchObject({ ok: true });
    expect(
      onlyError(classic('  oli: { representation: omega, age: 30, at: lab, rut: { onsets: ["-3d"] } }\n')),
    ).toMatchObject({
      message: 'Oli is an omega: only alphas have a rut',
      hint: "an omega's cycle is a heat cycle: write cycle: { … }",
    });
  });

  it('asks for the age of anyone with a cycle, a rut, a bond, a mark or a relation that could start one', () => {
    const noAge = (line: string) => onlyError(base(line));
    expect(noAge('  oli: { representation: omega, at: lab, cycle: { onsets: ["-3d"] } }\n')).toMatchObject({
      line: 13,
      column: 49,
      message: 'Oli has no age: a heat, a rut, a bond or a mark can involve only adults, so it must be given',
      hint: 'add age: to characters.oli (18 or older)',
    });
    expect(noAge('  oli: { representation: omega, age: 30, at: corridor, bonded_to: finn }\n')).toMatchObject(
      {
        message: expect.stringMatching(/^Finn has no age/),
      },
    );
    expect(noAge('relations:\n  - { between: [rey, finn], affinity: 0.8 }\n')).toMatchObject({
      line: 14,
      message: expect.stringMatching(/^Finn has no age/),
    });
    // Trust alone starts nothing: no age is needed for it.
    expect(
      loadScenario(base('relations:\n  - { between: [rey, finn], trust: 0.8 }\n'), 'x.yaml'),
    ).toMatchObject({ ok: true });
  });
});

describe('the age rule', () => {
  const RULE = 'no heat, rut, longing, mark or bond can involve a character under 18';

  it('rejects a cycle for a character under 18', () => {
    expect(
      onlyError(base('  teen: { representation: omega, age: 17, at: lab, cycle: { onsets: ["-3d"] } }\n')),
    ).toMatchObject({ line: 13, column: 59, message: `Teen is 17: ${RULE}` });
  });

  it('rejects a mark toward a character under 18', () => {
    const text = base(`timeline:
  - { at: "0:01:00", actor: phasma, do: mark, target: kid }
`);
    expect(onlyError(text)).toMatchObject({ line: 14, column: 55, message: `Kid is 16: ${RULE}` });
  });

  it('rejects a bond naming a character under 18', () => {
    expect(
      onlyError(BASE.replace('age: 36, at: medbay,', 'age: 36, at: medbay, bonded_to: kid,')),
    ).toMatchObject({
      line: 11,
      column: 68,
      message: `Kid is 16: ${RULE}`,
    });
  });

  it('lets minors appear and act otherwise', () => {
    const text = base(`timeline:
  - { at: "0:01:00", actor: kid, do: approach, target: phasma }
  - { at: "0:01:05", actor: phasma, do: reassure, target: kid }
`);
    expect(loadScenario(text, 'medbay.yaml')).toMatchObject({ ok: true });
  });
});

describe('impossible moves', () => {
  it('rejects a move to a place with no door from where the actor is', () => {
    const text = base(`timeline:
  - { at: "0:00:05", actor: rey, do: move, to: lab }
`);
    expect(onlyError(text)).toMatchObject({
      line: 14,
      column: 48,
      message: 'Rey cannot move from the corridor to the lab at 0:00:05: no door joins them',
      hint: 'from corridor, doors lead to: medbay',
    });
  });

  it('rejects a move through a closed door, suggesting to open it first', () => {
    const text = base(`timeline:
  - { at: "0:00:05", actor: rey, do: move, to: medbay }
`);
    expect(onlyError(text)).toMatchObject({
      line: 14,
      column: 48,
      message: 'Rey cannot move from the corridor to the medbay at 0:00:05: medbay-door is closed',
      hint: 'add { at: "0:00:05", actor: rey, do: open, door: medbay-door } before it',
    });
  });

  it('accepts the move once the door is open, and a second opening as a no-op', () => {
    const text = base(`timeline:
  - { at: "0:00:06", actor: rey, do: move, to: medbay }
  - { at: "0:00:05", actor: rey, do: open, door: medbay-door }
  - { at: "0:00:05", actor: finn, do: open, door: medbay-door }
`);
    expect(loadScenario(text, 'medbay.yaml')).toMatchObject({ ok: true });
  });

  it('names an action past the end as the error first, before what its absence upsets', () => {
    // The opening was meant for 0:00:05: typed an hour late, it falls after the end.
    const text = base(`timeline:
  - { at: "1:00:05", actor: rey, do: open, door: medbay-door }
  - { at: "0:00:06", actor: rey, do: move, to: medbay }
until: "0:10:00"
`);
    const [first, ...rest] = errorsOf(text);
    expect(first).toMatchObject({
      line: 14,
      column: 11,
      message: "this open at 1:00:05 comes after the scenario's end (until: 0:10:00): it would never run",
      hint: 'move it before 0:10:00, or set until: later',
    });
    expect(rest.map((e) => e.message)).toEqual([
      'Rey cannot move from the corridor to the medbay at 0:00:06: medbay-door is closed',
    ]);
  });

  it('rejects removing an item that is not worn', () => {
    const text = base(`timeline:
  - { at: "0:00:05", actor: finn, do: remove, item: blaster }
`);
    expect(onlyError(text)).toMatchObject({
      line: 14,
      column: 53,
      message: 'Finn does not wear a blaster at 0:00:05',
      hint: 'it is carried: wear it first',
    });
  });

  it('tracks what is worn: wear moves an item from carried to worn, remove moves it back', () => {
    const text = base(`timeline:
  - { at: "0:00:05", actor: finn, do: wear, item: blaster }
  - { at: "0:00:06", actor: finn, do: wear, item: blaster }
  - { at: "0:00:07", actor: phasma, do: remove, item: sealed-helmet }
  - { at: "0:00:08", actor: phasma, do: wear, item: sealed-helmet }
`);
    expect(onlyError(text)).toMatchObject({
      line: 15,
      column: 51,
      message: 'Finn already wears the blaster at 0:00:06',
    });
  });

  it('rejects an action toward someone in another place', () => {
    const text = base(`timeline:
  - { at: "0:05:00", actor: phasma, do: approach, target: finn }
`);
    expect(onlyError(text)).toMatchObject({
      line: 14,
      column: 59,
      message: 'Finn is in the corridor at 0:05:00, not in the medbay',
    });
  });

  it('rejects aiming without a weapon', () => {
    const text = base(`timeline:
  - { at: "0:00:05", actor: rey, do: aim, target: finn }
`);
    expect(onlyError(text)).toMatchObject({
      line: 14,
      column: 5,
      message: 'Rey carries no weapon at 0:00:05',
      hint: 'add a weapon (blaster, knife) to characters.rey.carries',
    });
  });

  it('rejects opening a door that does not touch the actor’s place', () => {
    const text = base(`  ana: { representation: beta, at: lab }
timeline:
  - { at: "0:00:05", actor: ana, do: open, door: medbay-door }
`);
    expect(onlyError(text)).toMatchObject({
      line: 15,
      column: 50,
      message: 'Ana is in the lab at 0:00:05, and medbay-door joins the corridor and the medbay',
    });
  });
});

describe('expectations', () => {
  it('rejects within together with after, at the after key', () => {
    const text = base(`expect:
  - { event: identify, within: ["0:01:00", "0:02:00"], after: "0:00:30" }
`);
    expect(onlyError(text)).toMatchObject({
      line: 14,
      column: 56,
      message: "'after' cannot be used together with 'within'",
    });
  });

  it('rejects never together with count', () => {
    const text = base(`expect:
  - { event: identify, never: true, count: 2 }
`);
    expect(onlyError(text)).toMatchObject({
      line: 14,
      column: 37,
      message: "'count' cannot be used together with 'never: true'",
    });
  });
});

describe('collecting errors', () => {
  it('reports every error of a stage, in file order', () => {
    const text = base(`timeline:
  - { at: "0:00:07", actor: kid, do: approach, target: rye }
  - { at: "0:00:05", actor: fin, do: approach, target: rey }
`);
    expect(errorsOf(text).map((e) => [e.line, e.column, e.message])).toEqual([
      [14, 56, "unknown character 'rye'"],
      [15, 29, "unknown character 'fin'"],
    ]);
  });

  it('stops at 50 errors', () => {
    const actions = Array.from(
      { length: 60 },
      (_, i) => `  - { at: "0:00:05", actor: nobody${i}, do: shower }`,
    );
    const errors = errorsOf(base(`timeline:\n${actions.join('\n')}\n`));
    expect(errors).toHaveLength(50);
    expect(errors[0]).toMatchObject({ line: 14, message: "unknown character 'nobody0'" });
    expect(errors[49]).toMatchObject({ line: 63 });
  });

  it('formats an error as file:line:column, then what was expected and a hint', () => {
    expect(
      formatScenarioError({
        file: 'medbay.yaml',
        line: 12,
        column: 31,
        message: "unknown character 'fin'",
        expected: 'a character id (rey, finn, phasma, doctor)',
        hint: "did you mean 'finn'?",
      }),
    ).toBe(
      "medbay.yaml:12:31: error: unknown character 'fin'\n  expected: a character id (rey, finn, phasma, doctor)\n  hint: did you mean 'finn'?",
    );
    expect(formatScenarioError({ file: 'a.yaml', line: 1, column: 1, message: 'oops' })).toBe(
      'a.yaml:1:1: error: oops',
    );
  });
});

describe('air.settle', () => {
  const text = (value: string) =>
    `omegaverse: 1\ncanon_overrides:\n  air.settle: ${value}\nplaces:\n  r: { volume: 10, ventilation: 1 }\ncharacters:\n  a: { representation: omega, at: r }\n`;
  it.each([
    ['steady', 'steady'],
    ['"2:00"', 7200],
    ['0', 0],
  ])('takes %s', (value, expected) => {
    const result = loadScenario(text(value), 'settle.yaml');
    expect(result.ok && result.definition.canon.air.settle).toBe(expected);
  });
  it('rejects another word, saying what it takes', () => {
    const result = loadScenario(text('forever'), 'settle.yaml');
    expect(!result.ok && result.errors[0]!.message).toBe(
      `'air.settle' takes 'steady' or a duration (seconds, or text: "H:MM[:SS]", "Nd", "8h", "90s"), got "forever"`,
    );
  });
});

describe('canon overrides that would stop time', () => {
  it.each([
    'air.quietTick',
    'air.tick',
    'air.nearFieldFlow',
    'cycleDefaults.period',
    'suppressant.period',
    'forecast.proposalStep',
  ])('rejects %s: 0 at its value, before anything runs', (path) => {
    const text = `omegaverse: 1\ncanon_overrides:\n  ${path}: 0\nplaces:\n  r: { volume: 10, ventilation: 1 }\ncharacters:\n  a: { representation: omega, at: r, cycle: { onsets: ["-3d"] } }\n`;
    const result = loadScenario(text, 'zero.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({
      line: 3,
      column: path.length + 5,
      message: expect.stringMatching(
        new RegExp(`^'${path}' must be from 0?\\.?[1-9]\\d* to \\d+ .*, got 0$`),
      ),
      hint: expect.stringMatching(/^the nearest accepted value is 0?\.?[1-9]\d*$/),
    });
  });
});
