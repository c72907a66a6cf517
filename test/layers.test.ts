/**
 * The layers, read from the code's own import lines (no dependency but the file system): every import
 * goes down the stack, never up or sideways between layers; the engine's own rooms are stacked the
 * same way; the engine meets the calendar in one file only; and no files import each other in a
 * circle. docs/architecture.md draws the same stack.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** Bottom first. A file may import from its own layer's folder, or from a layer below. */
const LAYERS: readonly (readonly string[])[] = [
  ['src/units'],
  ['src/vocabulary'],
  ['src/shape'],
  ['src/canon'],
  ['src/model'],
  ['src/calendar'],
  ['src/perspective'],
  ['src/engine/air'],
  ['src/engine/state'],
  ['src/engine/systems'],
  ['src/engine/actions'],
  ['src/engine/instinct'],
  ['src/engine'],
  ['src/scenario'],
  ['src/narrate/language'],
  ['src/narrate/beats'],
  ['src/narrate'],
  ['src/report'],
  ['src/ensemble', 'src/generate', 'src/play'],
  ['src/index.ts', 'src/cli'],
  ['web'],
];

/** The one engine file that may import the calendar. */
const CALENDAR_HOOKS = 'src/engine/systems/calendar-hooks.ts';

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s(?:[^;'"]*?\sfrom\s)?['"]([^'"]+)['"]/g;

/** The project files `file` imports (relative imports only), as paths from the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)]
    .map((m) => m[1]!)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => relative(ROOT, resolve(dirname(join(ROOT, file)), spec)).replace(/\.js$/, '.ts'));
}

/** The layer a file is in (the most specific folder that contains it), and that layer's unit. */
function layerOf(file: string): { rank: number; unit: string } | undefined {
  let best: { rank: number; unit: string } | undefined;
  LAYERS.forEach((units, rank) => {
    for (const unit of units) {
      const inside = file === unit || file.startsWith(`${unit}/`);
      if (inside && (!best || unit.length > best.unit.length)) best = { rank, unit };
    }
  });
  return best;
}

/** Imports that go up the stack, or sideways to another unit of the same layer. */
function wrongImports(graph: Map<string, string[]>): string[] {
  const wrong: string[] = [];
  for (const [file, imports] of graph) {
    const from = layerOf(file)!;
    for (const target of imports) {
      const to = layerOf(target);
      if (to && !(to.rank < from.rank || to.unit === from.unit)) wrong.push(`${file} → ${target}`);
    }
  }
  return wrong;
}

/** Every circle of imports, as a path that comes back to where it started. */
function circles(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, trail: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      found.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  return found;
}

const files = [...sources('src'), ...sources('web')];
const graph = new Map(files.map((file) => [file, importsOf(file)]));

describe('layers', () => {
  it('every source file is in a layer', () => {
    expect(files.filter((f) => !layerOf(f))).toEqual([]);
  });

  it('imports go down the stack, never up or sideways', () => {
    expect(wrongImports(graph)).toEqual([]);
  });

  it('the engine meets the calendar in one file only', () => {
    const callers = [...graph]
      .filter(
        ([file, imports]) =>
          file.startsWith('src/engine/') && imports.some((t) => t.startsWith('src/calendar/')),
      )
      .map(([file]) => file);
    expect(callers).toEqual([CALENDAR_HOOKS]);
  });

  it('no files import each other in a circle', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('the checks see an import that goes the wrong way, and a circle', () => {
    const bad = new Map([
      ['src/calendar/forecast.ts', ['src/engine/world.ts']],
      ['src/engine/world.ts', ['src/engine/stepping.ts']],
      ['src/engine/stepping.ts', ['src/engine/world.ts']],
      ['src/scenario/compile.ts', ['src/narrate/narrate.ts']],
      ['src/cli/program.ts', ['src/index.ts']],
    ]);
    expect(wrongImports(bad)).toEqual([
      'src/calendar/forecast.ts → src/engine/world.ts',
      'src/scenario/compile.ts → src/narrate/narrate.ts',
      'src/cli/program.ts → src/index.ts',
    ]);
    expect(circles(bad)).toEqual(['src/engine/world.ts → src/engine/stepping.ts → src/engine/world.ts']);
    expect(importsOf('src/engine/world.ts')).toContain('src/engine/stepping.ts');
  });
});
