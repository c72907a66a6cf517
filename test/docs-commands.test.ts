/**
 * The docs show real output: every `text` block that starts with `$ omegaverse …` in the pages below
 * is run, and must print exactly what the block shows after that line (its start only, when the
 * block ends with a line `…`). After an intended change, UPDATE_DOCS=1 rewrites the blocks from the
 * command's output; read the diff before committing it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-harness.js';
import { ROOT } from './helpers.js';

const PAGES = ['docs/ensembles.md', 'docs/generate.md'];

interface Example {
  /** the command line, without `$ ` */
  command: string;
  /** what the block shows after the command (without a final `…`) */
  shown: string;
  /** the block shows only the start of the output */
  truncated: boolean;
  /** where the shown output sits in the page, and its indentation */
  start: number;
  end: number;
  indent: string;
}

const FENCE = /^( *)```text\n\1\$ (omegaverse [^\n]*)\n([\s\S]*?)^\1```$/gm;

function examples(page: string): Example[] {
  return [...page.matchAll(FENCE)].map((m) => {
    const [whole, indent = '', command = '', body = ''] = m;
    const lines = body
      .split('\n')
      .slice(0, -1)
      .map((line) => line.slice(indent.length));
    const truncated = lines.at(-1) === '…';
    // The shown output starts after the fence's line and the command's (it may be empty).
    const start = m.index + whole.length - body.length - `${indent}\`\`\``.length;
    return {
      command,
      shown: (truncated ? lines.slice(0, -1) : lines).map((line) => `${line}\n`).join(''),
      truncated,
      start,
      end: start + body.length,
      indent,
    };
  });
}

/** The output as the block shows it: whole, or its first lines when the block is truncated. */
function asShown(output: string, example: Example): string {
  if (!example.truncated) return output;
  const keep = Math.max(1, example.shown.split('\n').length - 1);
  return output
    .split('\n')
    .slice(0, keep)
    .map((line) => `${line}\n`)
    .join('');
}

describe.each(PAGES)('%s', (name) => {
  const file = join(ROOT, name);
  const page = readFileSync(file, 'utf8');
  const found = examples(page);

  it('has commands to check', () => {
    expect(found.length).toBeGreaterThan(0);
  });

  // Rewrites go from the end of the page back, so that earlier offsets stay right.
  const rewrites: { example: Example; output: string }[] = [];

  it.each(found.map((example) => [example.command, example] as const))('$ %s', async (_, example) => {
    const { out, err } = await cli(...example.command.split(/\s+/).slice(1));
    const output = asShown(out + err, example);
    if (process.env.UPDATE_DOCS) {
      rewrites.push({ example, output });
      if (rewrites.length === found.length) {
        let text = page;
        for (const { example: e, output: o } of [...rewrites].sort(
          (a, b) => b.example.start - a.example.start,
        )) {
          const lines = o.split('\n').slice(0, -1);
          if (e.truncated) lines.push('…');
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
  });
});
