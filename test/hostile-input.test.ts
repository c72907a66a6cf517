/**
 * Scenario files written to hurt the reader (issue 15): each is a located error, never a crash, a hang,
 * a polluted process or a silently dropped part.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { presets } from '../src/canon/index.js';
import { formatScenarioError, loadScenario, type ScenarioError } from '../src/scenario/index.js';
import { MAX_ALIAS_VALUES, MAX_DEPTH } from '../src/scenario/tree.js';
import { canonRange, inRange } from '../src/shape/ranges.js';

/** A valid scene of 8 lines, ending inside `characters:`; appended text starts on line 9. */
const BASE = `omegaverse: 1
places:
  corridor: { volume: 200, ventilation: 4 }
  medbay: { volume: 90, ventilation: 2 }
doors:
  - { id: medbay-door, between: [corridor, medbay] }
characters:
  rey: { representation: alpha, age: 19, at: corridor }
`;

function errorsOf(text: string): ScenarioError[] {
  const result = loadScenario(text, 'hostile.yaml');
  if (result.ok) throw new Error('the scenario compiled, but errors were expected');
  return result.errors;
}

/** The one error the text has (the test fails, listing them, if it has more). */
function onlyError(text: string): ScenarioError {
  const errors = errorsOf(text);
  expect(errors.map(formatScenarioError)).toHaveLength(1);
  return errors[0]!;
}

describe('prototype keys', () => {
  const objectPrototype = Object.getOwnPropertyDescriptors(Object.prototype);
  afterEach(() => {
    // Put back whatever a failing run overwrote, so that one failure does not spread to other tests.
    for (const key of Object.getOwnPropertyNames(Object.prototype))
      if (!Object.hasOwn(objectPrototype, key)) delete (Object.prototype as Record<string, unknown>)[key];
    Object.defineProperties(Object.prototype, objectPrototype);
    // Nothing was added to every object, and a normal load still works.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(loadScenario(BASE, 'after.yaml')).toMatchObject({ ok: true });
  });

  const reserved = (name: string) => ({
    message: `'${name}' is a reserved name, and cannot be an id or a key`,
    hint: "'__proto__', 'constructor', 'prototype' mean something to JavaScript objects: choose another name",
  });

  it.each([
    ['__proto__.toLocaleString', '__proto__'],
    ['__proto__.polluted', '__proto__'],
    ['constructor.prototype.toLocaleString', 'constructor'],
    ['gear.__proto__', '__proto__'],
    ['rules.constructor', 'constructor'],
  ])('an override path through %s is an error at its key, and changes no prototype', (path, name) => {
    const before = Object.prototype.toLocaleString;
    expect(onlyError(`${BASE}canon_overrides: { ${path}: 1 }\n`)).toEqual({
      file: 'hostile.yaml',
      line: 9,
      column: 20,
      ...reserved(name),
    });
    expect(Object.prototype.toLocaleString).toBe(before);
  });

  it('an override written nested through __proto__ is an error at that key', () => {
    expect(onlyError(`${BASE}canon_overrides:\n  __proto__: { polluted: 1 }\n`)).toMatchObject({
      line: 10,
      column: 3,
      ...reserved('__proto__'),
    });
  });

  it.each([
    ['a character', `${BASE}  __proto__: { representation: beta, at: corridor }\n`, 9, 3],
    ['a place', BASE.replace('  medbay:', '  __proto__: { volume: 3, ventilation: 1 }\n  medbay:'), 4, 3],
    [
      'an item',
      `${BASE}canon_overrides:\n  gear: { __proto__: { emissionPass: 1, intakePass: 1, trapTime: 0, weapon: true } }\n`,
      10,
      11,
    ],
    ['a character named constructor', `${BASE}  constructor: { representation: beta, at: corridor }\n`, 9, 3],
    [
      'a place named prototype',
      BASE.replace('  medbay:', '  prototype: { volume: 3, ventilation: 1 }\n  medbay:'),
      4,
      3,
    ],
  ])('%s with a reserved id is an error at the id, not a silent loss', (_, text, line, column) => {
    const error = onlyError(text);
    expect(error).toMatchObject({ line, column });
    expect(error.message).toMatch(/is a reserved name/);
  });

  it.each([
    ['__proto__', 'a door'],
    ['constructor', 'a roster event'],
  ])('%s as the id of %s is an error at the id', (name, what) => {
    const text =
      what === 'a door'
        ? `${BASE}doors:\n  - { id: ${name}, between: [corridor, medbay] }\n`.replace(
            /doors:\n {2}- \{ id: medbay-door.*\n/,
            '',
          )
        : `${BASE}roster:\n  - { id: ${name}, title: Drill, start: "1h", end: "2h" }\n`;
    expect(onlyError(text)).toMatchObject({ ...reserved(name) });
  });

  it('an item id named __proto__ in a timeline is an error at it', () => {
    expect(
      onlyError(`${BASE}timeline:\n  - { at: "0:01", actor: rey, do: wear, item: __proto__ }\n`),
    ).toMatchObject({ line: 10, column: 47, ...reserved('__proto__') });
  });
});

describe('aliases', () => {
  it('many aliases of a small value are read', () => {
    const text = `${BASE}title: &t hi\nexpect:\n${'  - { event: move, value: *t }\n'.repeat(150)}`;
    expect(loadScenario(text, 'aliases.yaml')).toMatchObject({ ok: true });
  });

  it('a "billion laughs" is an error at the alias that brings in too much', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const name of 'bcdefghi') {
      const previous = String.fromCharCode(name.charCodeAt(0) - 1);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const error = onlyError(`${levels.join('\n')}\n`);
    expect(error).toMatchObject({
      message: `aliases bring in more than ${MAX_ALIAS_VALUES.toLocaleString('en-US')} values`,
      hint: 'write the values out, or alias less: nested aliases multiply (a "billion laughs")',
    });
    // The level where the count passes the limit: 9 × 9⁵ × … values by the sixth level.
    expect(error.line).toBe(6);
    expect(error.column).toBeGreaterThan(7);
  });
});

describe('aliases with no anchor before them (fuzz findings: the library threw)', () => {
  it.each([
    ['an alias and nothing else', '\n*8  ', 2, 1, '8'],
    ['an alias inside the value its anchor is on', 'a: &x [1, *x]\n', 1, 11, 'x'],
    ['an alias before its anchor', 'omegaverse: 1\nb: *y\na: &y 1\n', 2, 4, 'y'],
  ])('%s is an error at the alias', (_, text, line, column, name) => {
    expect(onlyError(text)).toEqual({
      file: 'hostile.yaml',
      line,
      column,
      message: `the alias *${name} names no anchor written before it`,
      hint: `write &${name} on a value before the alias, or write the value out`,
    });
  });
});

describe('YAML 1.1 and tags', () => {
  it('a %YAML 1.1 line is an error at it', () => {
    expect(onlyError(`%YAML 1.1\n---\n${BASE}`)).toEqual({
      file: 'hostile.yaml',
      line: 1,
      column: 1,
      message: '%YAML 1.1: scenarios are read as YAML 1.2',
      hint: 'remove this line: YAML 1.1 reads y, n, on and off as true and false, and merges << keys',
    });
  });

  it('y is text and << is an ordinary (unknown) key', () => {
    expect(onlyError(`${BASE}  finn: { representation: beta, at: corridor, y: 1 }\n`).message).toBe(
      "unknown key 'y' in a character",
    );
    expect(onlyError(BASE.replace('medbay: {', 'medbay: { <<: { x: 1 },')).message).toBe(
      "unknown key '<<' in a place",
    );
  });

  it.each([
    ['!foo', "unknown tag '!foo'"],
    ['!!binary', "unknown tag '!!binary'"],
  ])('an unknown tag (%s) is an error at the tag', (tag, message) => {
    expect(onlyError(`${BASE}title: ${tag} aGk=\n`)).toMatchObject({ line: 9, column: 8, message });
  });

  it('a core tag is read', () => {
    expect(loadScenario(`${BASE}title: !!str 12\n`, 't.yaml')).toMatchObject({
      ok: true,
      definition: { title: '12' },
    });
  });
});

describe('deep nesting', () => {
  it.each([MAX_DEPTH + 1, 5_000, 20_000])('%i levels are an error at the first level too deep', (levels) => {
    const text = `${BASE}title: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
    // The file's top map is level 1, so the title's lists start at level 2.
    const expected = {
      file: 'hostile.yaml',
      line: 9,
      column: 8 + MAX_DEPTH - 1,
      message: `lists and maps nested more than ${MAX_DEPTH} deep`,
      hint: `a scenario needs a few levels: flatten this value (the limit is ${MAX_DEPTH})`,
    };
    expect(onlyError(text)).toEqual(expected);
    expect(onlyError(text)).toEqual(expected);
  });

  it(`${MAX_DEPTH} levels are read (as far as YAML goes)`, () => {
    const levels = MAX_DEPTH - 1;
    const error = onlyError(`${BASE}title: ${'['.repeat(levels)}${']'.repeat(levels)}\n`);
    expect(error.message).toBe('expected a title, got a list of 1');
  });
});

describe('long values', () => {
  it('a 10 MB value is quoted by its first 60 characters', () => {
    const error = onlyError(`${BASE}seed: ${'y'.repeat(10_000_000)}\n`);
    expect(error.message).toBe(
      `expected a seed from 0 to 4294967295 (a whole number), got '${'y'.repeat(60)}…'`,
    );
  });

  it.each([
    ['a duration', `${BASE}until: "${'9'.repeat(100_000)}x"\n`, 'malformed duration '],
    ['an override', `${BASE}canon_overrides: { air.tick: "${'z'.repeat(100_000)}" }\n`, "'air.tick' takes"],
    ['an unknown key', `${BASE}${'k'.repeat(1000)}: 1\n`, 'unknown key '],
  ])('a long text in %s is quoted by its first 60 characters', (_, text, start) => {
    const { message } = onlyError(text);
    expect(message.startsWith(start)).toBe(true);
    expect(message.length).toBeLessThan(200);
  });

  it('a long unknown id is quoted short', () => {
    const error = onlyError(`${BASE}  finn: { representation: beta, at: ${'x'.repeat(5000)} }\n`);
    expect(error.message).toBe(`unknown place '${'x'.repeat(60)}…'`);
  });
});

describe('keys that are not names', () => {
  it('an empty key is an error at its colon', () => {
    expect(onlyError(`${BASE}  : { representation: beta, at: corridor }\n`)).toEqual({
      file: 'hostile.yaml',
      line: 9,
      column: 3,
      message: 'a key with no name',
      hint: 'write a name before the colon, as in name: value',
    });
  });

  it('a list as a key is an error at it, with no warning on the console', () => {
    const warnings: unknown[] = [];
    const original = process.emitWarning;
    process.emitWarning = (...args: unknown[]) => {
      warnings.push(args);
    };
    try {
      expect(onlyError(`${BASE}  ? [a, b]\n  : { representation: beta, at: corridor }\n`)).toEqual({
        file: 'hostile.yaml',
        line: 9,
        column: 5,
        message: 'a key that is a list or a map',
        hint: 'keys are names: write name: value, not ? [a, b]: value',
      });
    } finally {
      process.emitWarning = original;
    }
    expect(warnings).toEqual([]);
  });

  it('every error in a large map points at its own line', () => {
    const places = Array.from({ length: 1500 }, (_, i) => `  p${i}: { volume: 0.5, ventilation: 1 }\n`);
    const text = `omegaverse: 1\nplaces:\n${places.join('')}characters:\n  rey: { representation: alpha, age: 19, at: p1 }\n`;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(50);
    expect(errors.map((e) => [e.line, e.column])).toEqual(
      errors.map((_, i) => [3 + i, 16 + String(i).length]),
    );
  });

  it('a large crew naming places not written: the first 50 errors, each with its own did-you-mean', () => {
    const people = Array.from({ length: 1500 }, (_, i) => i);
    const text = [
      'omegaverse: 1',
      'places:',
      ...people.map((i) => `  cabin${i}: { volume: 10, ventilation: 1 }`),
      'characters:',
      // The first characters are written after the rest: the errors shown are the file's first.
      ...[...people.slice(60), ...people.slice(0, 60)].map(
        (i) => `  c${i}: { representation: beta, at: cabn${i} }`,
      ),
    ].join('\n');
    const errors = errorsOf(text);
    expect(errors).toHaveLength(50);
    expect(errors.map((e) => [e.line, e.message, e.hint])).toEqual(
      people
        .slice(60, 110)
        .map((i) => [1504 + i - 60, `unknown place 'cabn${i}'`, `did you mean 'cabin${i}'?`]),
    );
  });

  it('a duplicate key in a large map is reported once, at its second occurrence', () => {
    const places = Array.from({ length: 2000 }, (_, i) => `  p${i}: { volume: 10, ventilation: 1 }\n`);
    const text = `omegaverse: 1\nplaces:\n${places.join('')}  p7: { volume: 10, ventilation: 1 }\ncharacters:\n  rey: { representation: alpha, age: 19, at: p1 }\n`;
    expect(onlyError(text)).toMatchObject({ line: 2003, column: 3, message: "duplicate key 'p7'" });
  });
});

describe('numbers out of their range', () => {
  it("gives every number of every preset a range, and each preset's value lies in it", () => {
    const problems: string[] = [];
    const walk = (preset: string, node: object, path: string[]) => {
      for (const [key, value] of Object.entries(node)) {
        const at = [...path, key].join('.');
        if (typeof value === 'object' && value !== null && !Array.isArray(value))
          walk(preset, value, [...path, key]);
        else if (typeof value === 'number') {
          const range = canonRange(at);
          if (!range) problems.push(`${preset}: ${at}: no range`);
          else if (!inRange(value, range)) problems.push(`${preset}: ${at}: ${value} out of its range`);
        }
      }
    };
    for (const [name, canon] of Object.entries(presets)) walk(name, canon, []);
    expect(problems).toEqual([]);
  });

  it.each([
    [
      'a place of 1e-308 m³',
      BASE.replace('volume: 90', 'volume: 1e-308'),
      4,
      21,
      'expected a volume from 1 to 100000 m³, got 1e-308',
      'the nearest accepted value is 1',
    ],
    [
      'a place of .inf m³',
      BASE.replace('volume: 90', 'volume: .inf'),
      4,
      21,
      'expected a volume from 1 to 100000 m³, got Infinity',
      'the nearest accepted value is 100000',
    ],
    [
      'a ventilation of .nan',
      BASE.replace('ventilation: 2', 'ventilation: .nan'),
      4,
      38,
      'expected a ventilation rate 0, or from 0.001 to 100 air changes per hour, got NaN',
      undefined,
    ],
    [
      'a ventilation of 5e-324, on but vanishingly small (the air overflowed to NaN: a fuzz finding)',
      BASE.replace('ventilation: 2', 'ventilation: 5e-324'),
      4,
      38,
      'expected a ventilation rate 0, or from 0.001 to 100 air changes per hour, got 5e-324',
      'the nearest accepted value is 0.001',
    ],
    [
      'a fractional count',
      `${BASE}expect:\n  - { event: move, count: 1.5 }\n`,
      10,
      27,
      'expected a count from 0 to 1000000 (a whole number), got 1.5',
      'the nearest accepted value is 2',
    ],
    [
      'an age of 1e9',
      BASE.replace('age: 19', 'age: 1e9'),
      8,
      38,
      'expected an age from 0 to 150 years, got 1000000000',
      'the nearest accepted value is 150',
    ],
    [
      'a seed past 2³² − 1, which the PRNG would wrap (4294967297 running as seed 1)',
      `seed: 4294967297\n${BASE}`,
      1,
      7,
      'expected a seed from 0 to 4294967295 (a whole number), got 4294967297',
      'the nearest accepted value is 4294967295',
    ],
    [
      'an until of 1000 years',
      `${BASE}until: "365000d"\n`,
      9,
      8,
      `expected an instant from 1 to 3153600000 seconds ("0:00:01" to "36500d"), got '365000d'`,
      'the nearest accepted value is 3153600000',
    ],
  ])(
    '%s is an error at the value, with the range and the nearest value',
    (_, text, line, column, message, hint) => {
      expect(onlyError(text)).toEqual({ file: 'hostile.yaml', line, column, message, ...(hint && { hint }) });
    },
  );

  it.each([
    [
      'air.closedDoorFlow: 1e308',
      "'air.closedDoorFlow' must be 0, or from 0.001 to 10000 m³/h, got 1e+308",
      'the nearest accepted value is 10000',
    ],
    [
      'forecast.windowsAhead: 1e308',
      "'forecast.windowsAhead' must be from 1 to 100 (a whole number), got 1e+308",
      'the nearest accepted value is 100',
    ],
    [
      'forecast.windowsAhead: 2.5',
      "'forecast.windowsAhead' must be from 1 to 100 (a whole number), got 2.5",
      'the nearest accepted value is 3',
    ],
    [
      'air.tick: "-5s"',
      `'air.tick' must be from 0.1 to 3600 seconds, got -5`,
      'the nearest accepted value is 0.1',
    ],
    [
      'orders.base: -11',
      "'orders.base' must be from -10 to 10, got -11",
      'the nearest accepted value is -10',
    ],
  ])('the override %s is an error at its value', (override, message, hint) => {
    expect(onlyError(`${BASE}canon_overrides: { ${override} }\n`)).toMatchObject({ line: 9, message, hint });
  });

  it.each([
    ['.inf', "'air.openDoorFlow' takes a number, got Infinity"],
    ['.nan', "'air.openDoorFlow' takes a number, got NaN"],
  ])('a non-finite override (%s) is an error', (value, message) => {
    expect(onlyError(`${BASE}canon_overrides: { air.openDoorFlow: ${value} }\n`)).toMatchObject({
      line: 9,
      message,
    });
  });

  it('a new gear item and a new rule are held to the ranges of their kind', () => {
    expect(
      onlyError(
        `${BASE}canon_overrides:\n  gear.cage: { emissionPass: 1, intakePass: 1, trapTime: 1e9, weapon: false }\n`,
      ).message,
    ).toBe('trapTime must be from 0 to 86400 seconds ("0:00:00" to "1d")');
  });
});
