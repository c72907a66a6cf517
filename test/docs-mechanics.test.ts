/**
 * Keeps docs/mechanics/ honest as the rules grow: every drive rule of the `seeds` preset is documented
 * on the page of its mechanic, and every condition and factor word is listed in the index, each written
 * as code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presets } from '../src/canon/index.js';
import { CONDITIONS, FACTORS } from '../src/engine/instinct/rules.js';
import { ROOT } from './helpers.js';

const MECHANICS_DOCS = join(import.meta.dirname, '..', 'docs', 'mechanics');
const page = (name: string) => join(MECHANICS_DOCS, `${name}.md`);
const read = (name: string) => readFileSync(page(name), 'utf8');

/**
 * Whether `word` appears in `text` as code (`` `youth` ``), as the docs name rules, conditions and
 * factors: the plain English word ("the young", "unbonded alpha") does not count.
 */
const mentions = (text: string, word: string) => text.includes(`\`${word}\``);

describe('docs/mechanics', () => {
  const rules = Object.entries(presets.seeds.rules);

  it('has a page for every mechanic a rule serves', () => {
    const mechanics = [...new Set(rules.map(([, rule]) => rule.mechanic))];
    expect(mechanics.length).toBeGreaterThan(0);
    expect(mechanics.filter((mechanic) => !existsSync(page(mechanic)))).toEqual([]);
  });

  it("documents every rule of the seeds preset on its mechanic's page", () => {
    expect(rules.length).toBeGreaterThan(0);
    const missing = rules
      .filter(([id, rule]) => !existsSync(page(rule.mechanic)) || !mentions(read(rule.mechanic), id))
      .map(([id, rule]) => `${id} (docs/mechanics/${rule.mechanic}.md)`);
    expect(missing).toEqual([]);
  });

  it('names, on every page, the one file its mechanic lives in, and that file is named after it', () => {
    const pages = readdirSync(MECHANICS_DOCS)
      .filter((f) => f.endsWith('.md') && f !== 'index.md')
      .map((f) => f.replace(/\.md$/, ''));
    expect(pages.length).toBeGreaterThan(7);
    const wrong = pages.filter((mechanic) => {
      const where = /\*\*Where it lives:\*\* `([^`]+)`/.exec(read(mechanic))?.[1];
      return !where || !existsSync(join(ROOT, where)) || basename(where, '.ts') !== mechanic;
    });
    expect(wrong).toEqual([]);
  });

  it('lists every condition and factor word in the index', () => {
    const index = read('index');
    const words = [...Object.keys(CONDITIONS), ...Object.keys(FACTORS)];
    expect(words.length).toBeGreaterThan(0);
    expect(words.filter((word) => !mentions(index, word))).toEqual([]);
  });
});
