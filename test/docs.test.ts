/**
 * Keeps the reference docs honest as the engine grows: every canon parameter of the `seeds` preset is
 * listed in docs/canon.md, and every event type is described in docs/events.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presets } from '../src/canon/index.js';
import { EVENT_TYPES } from '../src/vocabulary/events.js';

const DOCS = join(import.meta.dirname, '..', 'docs');
const read = (name: string) => readFileSync(join(DOCS, name), 'utf8');

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Branches that are collections of named items with the same fields (`gear.sealed-helmet.trapTime`):
 * documented when the branch's dotted prefix, every item's name and every field's name appear, as in a
 * table with one row per item.
 */
const ITEM_BRANCHES = new Set(['gear', 'rules', 'medications']);

/** Every dotted path to a leaf (a number, text, flag or list) under `node`. */
function leafPaths(node: Record<string, unknown>, prefix: string[] = []): string[] {
  return Object.entries(node).flatMap(([key, value]) =>
    isPlainObject(value) ? leafPaths(value, [...prefix, key]) : [[...prefix, key].join('.')],
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `word` appears in `text` as a whole path or name, not as part of a longer one. */
const mentions = (text: string, word: string) =>
  new RegExp(`(?<![\\w.-])${escapeRegExp(word)}(?![\\w-]|\\.\\w)`).test(text);

describe('docs/canon.md', () => {
  const canonDoc = read('canon.md');
  const seeds = presets.seeds as unknown as Record<string, unknown>;

  it('lists every parameter of the seeds preset by its dotted path', () => {
    const paths = leafPaths(
      Object.fromEntries(Object.entries(seeds).filter(([branch]) => !ITEM_BRANCHES.has(branch))),
    );
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((path) => !mentions(canonDoc, path))).toEqual([]);
  });

  it('lists every item of the gear (and other item collections) by name, with its fields', () => {
    const missing: string[] = [];
    for (const branch of ITEM_BRANCHES) {
      const items = seeds[branch];
      if (!isPlainObject(items)) continue;
      if (!canonDoc.includes(`${branch}.`)) missing.push(`${branch}.`);
      for (const [name, item] of Object.entries(items)) {
        if (!mentions(canonDoc, name)) missing.push(`${branch}.${name}`);
        if (!isPlainObject(item)) continue;
        for (const field of Object.keys(item))
          if (!mentions(canonDoc, field)) missing.push(`${branch}.${name}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names the medications', () => {
    expect(canonDoc).toContain('medications');
    expect(Object.keys(presets.seeds.medications).filter((m) => !mentions(canonDoc, m))).toEqual([]);
  });
});

describe('docs/events.md', () => {
  const lines = read('events.md').split('\n');
  /** A heading's or a table cell's text, without Markdown code marks. */
  const plain = (text: string) => text.replace(/`/g, '').trim();
  const headings = lines.filter((line) => line.startsWith('#')).map((line) => plain(line.replace(/^#+/, '')));
  const cells = lines
    .filter((line) => line.trimStart().startsWith('|'))
    .flatMap((line) => line.split('|').map(plain))
    .filter(Boolean);
  const described = new Set([...headings, ...cells]);

  it('describes every event type, as a heading or a table cell', () => {
    expect(EVENT_TYPES.filter((type) => !described.has(type))).toEqual([]);
  });
});
