/** The shareable HTML report: what it shows, that it loads nothing, escapes everything, and never varies. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { World } from '../src/engine/world.js';
import { explain, findEvent } from '../src/model/explain.js';
import { namesOf } from '../src/narrate/language/names.js';
import { formatTree } from '../src/narrate/tree.js';
import { niceTicks, seriesStyle, timeTicks } from '../src/report/chart.js';
import { esc, h } from '../src/report/html.js';
import { renderReport } from '../src/report/index.js';
import { AUTONOMOUS_TYPES } from '../src/vocabulary/events.js';
import { cli } from './cli-harness.js';
import { bundled, compile, ROOT } from './helpers.js';

/** The text a reader sees in a piece of markup: tags dropped, entities decoded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The markup of the element that starts at the first match of `open`, through its end tag. */
function element(html: string, open: string, tag: string): string {
  const start = html.indexOf(open);
  expect(start, `${open} in the page`).toBeGreaterThanOrEqual(0);
  let depth = 0;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  re.lastIndex = start;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  throw new Error(`unclosed ${tag}`);
}

describe('renderReport on the medbay scene', () => {
  const def = bundled('medbay.yaml');
  const html = renderReport(def);
  const world = World.create(def);
  world.run();

  it('is one HTML page with the title, the file, seed, canon, clock, duration and a summary by kind', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<title>Medbay — omegaverse report</title>');
    expect(html).toContain('<h1>Medbay</h1>');
    const facts = textOf(element(html, '<dl class="facts">', 'dl'));
    expect(facts).toContain('scenariomedbay.yaml');
    expect(facts).toContain('seed7');
    expect(facts).toContain('canonseeds');
    expect(facts).toContain('clock14:00:00 to 14:25:00');
    expect(facts).toContain('duration25 minutes (0:25:00)');
    const summary = textOf(element(html, '<p class="summary">', 'p'));
    expect(summary).toMatch(/^88 events in 25 minutes \(14:00:00 to 14:25:00\): 20 belief, 14 detect, /);
    expect(summary).toContain('1 restrain');
  });

  it('draws one <svg> per chart: the air, and each character who felt a drive', () => {
    const svgs = html.match(/<svg\b[^>]*>[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(3);
    expect(html.match(/<svg\b/g)).toHaveLength(3);
    const [air, rey, phasma] = svgs as [string, string, string];
    expect(air).toContain('<title>Medbay: scent concentration per place over time, u/m³</title>');
    // each place as the narration names it
    expect(air).toContain('>the corridor</text>');
    expect(air).toContain('>the medbay</text>');
    // ticks labelled with the scenario's clock
    expect(air).toContain('>14:00:00</text>');
    expect(air).toContain('>14:25:00</text>');
    expect(rey).toContain('<title>Rey: drives over time against the lines they act at</title>');
    for (const drive of ['protect', 'aggression', 'longing']) expect(rey).toContain(`>${drive}</text>`);
    // Each drive against the line it acts at: self-control to restrain or reach, the canon's own lines.
    expect(rey).toContain('>self-control threshold 0.446</text>');
    expect(rey).toContain('>snarl at 0.5</text>');
    expect(rey).toContain('>whine at 0.3</text>');
    expect(phasma).toContain('>discomfort</text>');
    expect(phasma).not.toContain('>aggression</text>');
    // A shiver waits on no self-control: Phasma's chart has the shiver line, not hers.
    expect(phasma).toContain('>shiver at 0.5</text>');
    expect(phasma).not.toContain('self-control');
    // colour-blind-safe colours, and dashes and markers as well as colour
    expect(rey).toContain('stroke="#D55E00"');
    expect(rey).toContain('stroke-dasharray="7 4"');
    expect(rey).toMatch(/<rect [^>]*fill="#D55E00"/);
  });

  it('tells the run in beats before the full log, the same paragraphs as `run`', () => {
    const section = element(html, '<section id="beats">', 'section');
    const golden = readFileSync(join(ROOT, 'scenarios/medbay.beats.txt'), 'utf8').split('\n');
    const paragraphs = [...section.matchAll(/<p class="beat">(.*?)<\/p>/g)].map((m) => textOf(m[1]!));
    expect(paragraphs).toEqual(golden.slice(1, -2).map((line) => line.replace('  ', ' ')));
  });

  it('narrates every event in the log table', () => {
    const log = element(html, '<table class="log">', 'table');
    expect(log.match(/<tr id="e\d+"/g)).toHaveLength(world.events.length);
    expect(textOf(log)).toContain('4614:05:01restrainRey seized Finn and held him back.');
  });

  it("shows the restrain event's explanation: the same sentences and numbers as `explain`", () => {
    const restrain = findEvent(world.events, 'restrain:rey:finn')!;
    const block = element(html, `<details id="why-${restrain.id}"`, 'details');
    const text = textOf(block);
    expect(text).toContain('Rey seized Finn and held him back. (aggression 1.24 ≥ threshold 0.446)');
    expect(text).toContain('rule guard-approach: 0.9 × protect-of-event-target 0.512');
    const lines = formatTree(explain(world.events, restrain.id)!, def)
      .trimEnd()
      .split('\n')
      .map((line) => line.replace(/^[│├└─ ]+/, ''));
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(text).toContain(line);
    // nested lists, one level per cause
    expect(block).toMatch(/<ul><li>.*<ul><li>.*<ul><li>/);
  });

  it('explains every event the engine decided on its own, and nothing else', () => {
    const autonomous: ReadonlySet<string> = new Set(AUTONOMOUS_TYPES);
    const ids = [...html.matchAll(/<details id="why-(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids).toEqual(world.events.filter((e) => autonomous.has(e.type)).map((e) => e.id));
    expect(ids.length).toBeGreaterThan(10);
  });

  it("has the beliefs table at the end, with Phasma's belief about Rey and its source as text", () => {
    const table = element(html, '<table class="beliefs">', 'table');
    const row = element(table, '<tr><th scope="row"><span class="who">Phasma</span>', 'tr');
    const cells = row.match(/<td\b[\s\S]*?<\/td>/g) ?? [];
    expect(cells).toHaveLength(4);
    const belief = world.beliefsOf('phasma').rey!;
    expect(belief).toMatchObject({ value: 'alpha', source: 'scent' });
    expect(cells[0]).toContain('<span class="value">alpha</span> <span class="badge src-scent">scent</span>');
    expect(cells[2]).toContain('—'); // herself
    // the Doctor still takes Phasma for a beta, by assumption: marked in words, not by colour alone
    const doctor = element(table, '<tr><th scope="row"><span class="who">Doctor</span>', 'tr');
    expect(textOf(doctor)).toContain('beta assumed ✗ mistaken');
    const knows = textOf(element(html, '<ul class="knows">', 'ul'));
    expect(knows).toContain('Phasma (omega): Rey since 14:03:00, scent; Finn since 14:05:00, scent');
  });

  it('loads nothing from anywhere and runs no script', () => {
    for (const banned of [
      'http://',
      'https://',
      '<script',
      '<link',
      '<img',
      '<iframe',
      'url(',
      '@import',
      'src=',
    ]) {
      expect(html, banned).not.toContain(banned);
    }
    expect(html).toContain(`content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;"`);
  });

  it('is byte-identical across renders, and follows the seed', () => {
    expect(renderReport(def)).toBe(html);
    expect(renderReport(bundled('medbay.yaml'))).toBe(html);
    const reseeded = renderReport(def, { seed: 3 });
    expect(reseeded).toContain('<dt>seed</dt><dd>3</dd>');
    expect(renderReport(def, { seed: 3 })).toBe(reseeded);
  });

  it('renders every bundled scene', () => {
    for (const name of ['medbay-veteran.yaml', 'quarters.yaml', 'datapad.yaml']) {
      const def = bundled(name);
      const page = renderReport(def);
      expect(page).toMatch(/<\/html>\n$/);
      // sampling on the way does not change what happens
      expect(page.match(/<tr id="e\d+"/g)).toHaveLength(World.create(def).run().length);
      expect(page).not.toContain('NaN');
      expect(page).not.toContain('undefined');
    }
  });
});

describe('escaping', () => {
  const hostile = `<img src=x onerror=alert(1)>`;
  const def = compile(
    [
      'omegaverse: 1',
      `title: "<b>\\"Ti'tle\\"</b> & co"`,
      'seed: 5',
      'clock: "09:00"',
      'places:',
      `  room: { name: "<svg onload=alert(1)>", volume: 40, ventilation: 1 }`,
      'characters:',
      `  a: { name: "${hostile}", representation: alpha, age: 30, self_control: 0.2, at: room }`,
      `  o: { name: "O'Neil \\"<i>\\"", representation: omega, age: 30, at: room }`,
      'timeline:',
      '  - { at: "0:00:10", actor: a, do: approach, target: o }',
      '  - { at: "0:00:20", actor: o, do: say, to: a, text: "</script><script>alert(1)</script>" }',
      'until: "0:05:00"',
    ].join('\n'),
    'x<y>.yaml',
  );
  const html = renderReport(def);

  it('escapes every name and text from the scenario, in HTML and inside SVG text and attributes', () => {
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<svg onload');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;&quot;Ti&#39;tle&quot;&lt;/b&gt; &amp; co');
    expect(html).toContain('<code>x&lt;y&gt;.yaml</code>');
    const svgs = html.match(/<svg\b[^>]*>[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(2);
    // the place's name in the legend, the hostile alpha's name in their chart's title and aria-label
    expect(svgs[0]).toContain('>the &lt;svg onload=alert(1)&gt;</text>');
    expect(svgs.join('')).toContain('aria-label="&lt;img src=x onerror=alert(1)&gt;: drives');
    expect(svgs.join('')).toContain('<title>&lt;img src=x onerror=alert(1)&gt;: drives');
    // every tag in the page is the report's own
    const tags = new Set([...html.matchAll(/<([a-z][a-z0-9]*)\b/g)].map((m) => m[1]));
    const own =
      'html head meta title style body main header h1 h2 h3 dl dt dd code p nav a section figure figcaption svg line text path g circle rect table thead tbody tr th td span details summary div ul li br strong footer';
    for (const tag of tags) expect(own.split(' '), tag).toContain(tag);
  });

  it('esc covers the five characters, and h escapes attribute values', () => {
    expect(esc(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(h('a', { title: `"><script>`, hidden: true, lang: false }, '<b>').html).toBe(
      '<a title="&quot;&gt;&lt;script&gt;" hidden>&lt;b&gt;</a>',
    );
    expect(() => h('img src=x', {})).toThrow();
    expect(() => h('a', { 'onclick="x"': 'y' })).toThrow();
  });
});

describe('the air chart’s legend', () => {
  it('names each place as the narration does, whether the scenario gives it a name or not', () => {
    const def = compile(
      [
        'omegaverse: 1',
        'seed: 2',
        'places:',
        '  kitchen: { name: station kitchen, volume: 40, ventilation: 2 }',
        '  crew-mess: { volume: 80, ventilation: 3 }',
        '  bridge: { name: Bridge, volume: 200, ventilation: 6 }',
        'doors:',
        '  - { id: hatch, between: [kitchen, crew-mess], state: open }',
        'characters:',
        '  a: { representation: alpha, age: 30, at: kitchen }',
        'timeline:',
        '  - { at: "0:00:10", actor: a, do: move, to: crew-mess }',
        'until: "0:02:00"',
      ].join('\n'),
    );
    const air = renderReport(def).match(/<svg\b[^>]*>[\s\S]*?<\/svg>/)![0];
    const legend = [...air.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(legend).toEqual(expect.arrayContaining(['the station kitchen', 'the crew mess', 'the bridge']));
    expect(legend).not.toContain('Crew mess');
    const names = namesOf(def);
    expect(['kitchen', 'crew-mess', 'bridge'].map((p) => names.place(p))).toEqual([
      'the station kitchen',
      'the crew mess',
      'the bridge',
    ]);
  });
});

describe('the chart helpers', () => {
  it('picks round value ticks from zero past the largest value', () => {
    expect(niceTicks(0, 2.78).ticks).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, 1.3).ticks).toEqual([0, 0.5, 1, 1.5]);
    expect(niceTicks(0, 0.07).format(0.02)).toBe('0.02');
  });

  it('puts time ticks on round wall-clock times', () => {
    expect(timeTicks(0, 1500, 14 * 3600)).toEqual([0, 300, 600, 900, 1200, 1500]);
    // a clock starting at 13:58:30: the first tick at 14:00:00
    expect(timeTicks(0, 1500, 13 * 3600 + 58 * 60 + 30)[0]).toBe(90);
  });

  it('gives the first 24 series distinct combinations of colour, dash and marker', () => {
    const styles = Array.from({ length: 24 }, (_, i) => JSON.stringify(seriesStyle(i)));
    expect(new Set(styles).size).toBe(24);
    // consecutive series never share a dash or a marker
    for (let i = 1; i < 24; i++) {
      expect(seriesStyle(i).dash).not.toBe(seriesStyle(i - 1).dash);
      expect(seriesStyle(i).marker).not.toBe(seriesStyle(i - 1).marker);
    }
  });
});

describe('omegaverse report', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'omegaverse-report-'));

  it('writes the page and says how many events it holds', async () => {
    const out = join(scratch, 'r.html');
    const { code, out: stdout } = await cli('report', 'scenarios/medbay.yaml', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote ${out} (88 events)\n`);
    expect(readFileSync(out, 'utf8')).toBe(renderReport(bundled('medbay.yaml')));
  });

  it('takes --seed, and requires --out for HTML', async () => {
    const out = join(scratch, 'seeded.html');
    expect((await cli('report', 'scenarios/medbay.yaml', '--seed', '3', '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<dt>seed</dt><dd>3</dd>');
    const missing = await cli('report', 'scenarios/medbay.yaml');
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('error: report: an HTML report needs --out FILE (or use --format md)\n');
    expect(existsSync(join(scratch, 'report.html'))).toBe(false);
  });

  it('writes Markdown with --format md: the scene outline, then beliefs and who knows', async () => {
    const { code, out } = await cli('report', 'scenarios/medbay.yaml', '--format', 'md');
    expect(code).toBe(0);
    expect(out).toMatch(/^# Medbay\n\nA scene outline by omegaverse/);
    expect(out).toContain('**14:05:00 +0:05:00** — Finn came close to Phasma.');
    expect(out).toContain('## Expectations');
    expect(out).toContain(
      '| **Doctor** | alpha (scent, since 14:06:00) | beta (assumed, since 14:00:06) | beta (assumed, since 14:00:00) ✗ mistaken | — |',
    );
    expect(out).toContain('- **Phasma** (omega): Rey since 14:03:00 (scent); Finn since 14:05:00 (scent)');
    expect((await cli('report', 'scenarios/medbay.yaml', '--format', 'md')).out).toBe(out);
  });
});
