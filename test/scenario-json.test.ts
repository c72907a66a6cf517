import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadParsed, loadScenario } from '../src/scenario/index.js';
import { parseJson } from '../src/scenario/json.js';
import type { Locator, Path } from '../src/scenario/locator.js';
import { parseYaml } from '../src/scenario/parse.js';
import { MAX_DEPTH } from '../src/scenario/tree.js';

/** The text loaded as it is (checked to take the fast JSON way), and loaded as YAML. */
function bothWays(text: string, file = 'scene.json') {
  expect(parseJson(text, file)).toBeDefined();
  return { fast: loadScenario(text, file), yaml: loadParsed(parseYaml(text, file), file) };
}

const SCENARIOS = join(import.meta.dirname, '..', 'scenarios');
const bundled = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));

/** The data of a bundled scenario, as YAML reads it. */
function dataOf(name: string): unknown {
  const parsed = parseYaml(readFileSync(join(SCENARIOS, name), 'utf8'), name);
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.data;
}

/** JSON layouts a file may come in: each moves values to other lines and columns. */
const LAYOUTS: Record<string, (data: unknown) => string> = {
  compact: (data) => JSON.stringify(data),
  indented: (data) => `${JSON.stringify(data, null, 2)}\n`,
  'tabs, CRLF, escapes': (data) =>
    JSON.stringify(data, null, '\t')
      .replaceAll('\n', '\r\n')
      .replace(
        /"(omegaverse|places)"/g,
        (_, key: string) => `"\\u00${key.charCodeAt(0).toString(16)}${key.slice(1)}"`,
      ),
};

/** Every path in `data`, to its values and its keys, and a few that were not written. */
function pathsOf(data: unknown, path: Path = []): Path[] {
  const here = [path, [...path, 'not-written'], [...path, 0]];
  if (Array.isArray(data)) return [...here, ...data.flatMap((item, i) => pathsOf(item, [...path, i]))];
  if (typeof data === 'object' && data !== null)
    return [...here, ...Object.entries(data).flatMap(([key, value]) => pathsOf(value, [...path, key]))];
  return here;
}

const locatorOf = (parsed: ReturnType<typeof parseYaml> | undefined): Locator => {
  if (!parsed?.ok) throw new Error('not parsed');
  return parsed.locator;
};

describe('JSON scenarios', () => {
  for (const name of bundled)
    for (const [layout, write] of Object.entries(LAYOUTS)) {
      it(`${name} as JSON (${layout}): the same data, definition and warnings as read as YAML`, () => {
        const text = write(dataOf(name));
        const { fast, yaml } = bothWays(text, name.replace('.yaml', '.json'));
        expect(fast.ok).toBe(true);
        expect(fast).toEqual(yaml);
      });

      it(`${name} as JSON (${layout}): every value and key at the line and column YAML gives`, () => {
        const text = write(dataOf(name));
        const json = parseJson(text, 'scene.json');
        const yaml = parseYaml(text, 'scene.json');
        expect(json?.ok && json.data).toEqual(yaml.ok && yaml.data);
        const [fast, slow] = [locatorOf(json), locatorOf(yaml)];
        const detail = { message: 'here' };
        for (const path of pathsOf(yaml.ok && yaml.data)) {
          expect(fast.at(path, detail), path.join('.')).toEqual(slow.at(path, detail));
          expect(fast.atKey(path, detail), path.join('.')).toEqual(slow.atKey(path, detail));
        }
      });
    }

  it('loads to the same definition as its YAML twin, but for the file name and positions', () => {
    const yamlText = readFileSync(join(SCENARIOS, 'medbay.yaml'), 'utf8');
    const fromYaml = loadScenario(yamlText, 'medbay.yaml');
    const fromJson = loadScenario(JSON.stringify(dataOf('medbay.yaml')), 'medbay.json');
    if (!fromYaml.ok || !fromJson.ok) throw new Error('not loaded');
    const withoutPlaces = (value: unknown) =>
      JSON.parse(JSON.stringify(value, (key, v) => (key === 'source' || key === 'file' ? undefined : v)));
    expect(withoutPlaces(fromJson.definition)).toEqual(withoutPlaces(fromYaml.definition));
  });

  const scene = (characters: string, extra = '') => `{
  "omegaverse": 1,
  "places": { "room": { "volume": 60, "ventilation": 2 } },
  "characters": {
${characters}
  }${extra}
}
`;
  const errors: Record<string, string> = {
    'a value out of range': scene(
      '    "al": { "representation": "alpha", "at": "room", "self_control": -1 }',
    ),
    'an unknown place': scene('    "al": { "representation": "alpha", "at": "rom" }'),
    'a deprecated field (a warning)': scene(
      '    "al": { "representation": "alpha", "at": "room" },\n    "bo": { "representation": "beta", "at": "room" }',
      ',\n  "timeline": [\n    { "at": "0:01", "actor": "al", "do": "say", "to": "bo", "line": "hi" }\n  ]',
    ),
    'an unknown key': scene('    "al": { "representation": "alpha", "at": "room", "colour": "red" }'),
    'a key written twice': scene('    "al": { "representation": "alpha", "at": "room", "at": "room" }'),
    'a character written twice': scene(
      '    "al": { "representation": "alpha", "at": "room" },\n    "al": { "representation": "beta", "at": "room" }',
    ),
    'a key written twice, once escaped': scene(
      '    "al": { "representation": "alpha", "at": "room", "\\u0061t": "room" }',
    ),
    'a reserved key': scene('    "__proto__": { "representation": "alpha", "at": "room" }'),
    'an empty key': scene('    "": { "representation": "alpha", "at": "room" }'),
    'a trailing comma (not JSON)': scene('    "al": { "representation": "alpha", "at": "rom" },'),
    'a carriage return alone': scene('    "al": { "representation": "alpha",\r"at": "room" }'),
    'nesting too deep': scene(
      `    "al": { "representation": "alpha", "at": "room", "notes": ${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)} }`,
    ),
  };
  for (const [what, text] of Object.entries(errors))
    it(`gives ${what} the same place and words as YAML`, () => {
      const fast = loadScenario(text, 'scene.json');
      expect(fast).toEqual(loadParsed(parseYaml(text, 'scene.json'), 'scene.json'));
      expect(fast.ok ? fast.warnings : fast.errors).not.toEqual([]);
    });

  it('rejects a key written twice, at the second', () => {
    const result = loadScenario(errors['a key written twice']!, 'scene.json');
    expect(result.ok || result.errors).toEqual([
      {
        file: 'scene.json',
        line: 5,
        column: 54,
        message: `duplicate key 'at'`,
        hint: 'a key may appear once in each map',
      },
    ]);
  });

  it('leaves to YAML what JSON.parse would let through or refuse', () => {
    for (const what of [
      'a key written twice',
      'a reserved key',
      'a trailing comma (not JSON)',
      'nesting too deep',
    ])
      expect(parseJson(errors[what]!, 'scene.json'), what).toBeUndefined();
    expect(parseJson(errors['an unknown key']!, 'scene.json')?.ok).toBe(true);
    expect(parseJson('omegaverse: 1', 'scene.yaml')).toBeUndefined();
  });
});
