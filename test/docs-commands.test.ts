/**
 * The docs show real output: every `text` block that starts with `$ omegaverse …` (or
 * `$ npx omegaverse …`) in README.md and the pages under docs/ is run, and must print exactly what
 * the block shows after that line (its start only, when the block ends with a line `…`; its end only,
 * when the block's output begins with one: with `--until`, the moment that ends there). After an
 * intended change, UPDATE_DOCS=1 rewrites the blocks from the command's output; read the diff before
 * committing it. Commands that cannot run here (a server, an interactive game) go in other fences.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-harness.js';
import { ROOT } from './helpers.js';

const PAGES = [
  'README.md',
  ...['docs', 'docs/mechanics'].flatMap((folder) =>
    readdirSync(join(ROOT, folder))
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => `${folder}/${name}`),
  ),
];

/** A fenced block that opens with an event (`#12 …`) or a beat (`14:05:00 …`): output without its command. */
const UNCHECKED = /^ *```[a-z]*\n *(?:#\d+ |(?:day \d+ )?\d\d:\d\d:\d\d )/gm;

interface Example {
  /** the command line, without `$ ` */
  command: string;
  /** what the block shows after the command (without the `…` line) */
  shown: string;
  /** the block shows the whole output, or only its first or last lines */
  part: 'all' | 'start' | 'end';
  /** where the shown output sits in the page, and its indentation */
  start: number;
  end: number;
  indent: string;
}

const FENCE = /^( *)```text\n\1\$ ((?:npx )?omegaverse [^\n]*)\n([\s\S]*?)^\1```$/gm;

function examples(page: string): Example[] {
  return [...page.matchAll(FENCE)].map((m) => {
    const [whole, indent = '', command = '', body = ''] = m;
    const lines = body
      .split('\n')
      .slice(0, -1)
      .map((line) => line.slice(indent.length));
    const part = lines.at(-1) === '…' ? 'start' : lines[0] === '…' ? 'end' : 'all';
    const kept = part === 'start' ? lines.slice(0, -1) : part === 'end' ? lines.slice(1) : lines;
    // The shown output starts after the fence's line and the command's (it may be empty).
    const start = m.index + whole.length - body.length - `${indent}\`\`\``.length;
    return {
      command,
      shown: kept.map((line) => `${line}\n`).join(''),
      part,
      start,
      end: start + body.length,
      indent,
    };
  });
}

/** The output as the block shows it: whole, or as many of its first or last lines as it shows. */
function asShown(output: string, example: Example): string {
  if (example.part === 'all') return output;
  const keep = Math.max(1, example.shown.split('\n').length - 1);
  const lines = output.replace(/\n$/, '').split('\n');
  return (example.part === 'start' ? lines.slice(0, keep) : lines.slice(-keep))
    .map((line) => `${line}\n`)
    .join('');
}

describe.each(PAGES)('%s', (name) => {
  const file = join(ROOT, name);
  const page = readFileSync(file, 'utf8');
  const found = examples(page);

  it('shows engine output only under the command that prints it', () => {
    const lines = [...page.matchAll(UNCHECKED)].map((m) => page.slice(0, m.index).split('\n').length + 1);
    expect(lines, 'event lines without a `$ omegaverse …` line above them').toEqual([]);
  });

  // Rewrites go from the end of the page back, so that earlier offsets stay right.
  const rewrites: { example: Example; output: string }[] = [];

  it.each(found.map((example) => [example.command, example] as const))(
    '$ %s',
    async (_, example) => {
      const words = example.command.split(/\s+/);
      const { out, err } = await cli(...words.slice(words[0] === 'npx' ? 2 : 1));
      const output = asShown(out + err, example);
      if (process.env.UPDATE_DOCS) {
        rewrites.push({ example, output });
        if (rewrites.length === found.length) {
          let text = page;
          for (const { example: e, output: o } of [...rewrites].sort(
            (a, b) => b.example.start - a.example.start,
          )) {
            const lines = o.split('\n').slice(0, -1);
            if (e.part === 'start') lines.push('…');
            if (e.part === 'end') lines.unshift('…');
            text =
              text.slice(0, e.start) +
              lines.map((line) => `${e.indent}${line}`.trimEnd()).join('\n') +
              '\n' +
              text.slice(e.end);
          }
          writeFileSync(file, text);
        }
        return;
      }
      expect(output).toBe(example.shown);
      // An ensemble runs its scene many times over: on a busy machine that takes minutes.
    },
    300_000,
  );
});
