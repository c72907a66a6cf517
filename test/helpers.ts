import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorldDefinition } from '../src/model/definition.js';
import type { WorldEvent } from '../src/model/events.js';
import { formatScenarioError, loadScenario } from '../src/scenario/index.js';

export const ROOT = join(import.meta.dirname, '..');

/** Compiles scenario text, failing the test with the scenario errors if it does not compile. */
export function compile(text: string, file = 'test.yaml'): WorldDefinition {
  const result = loadScenario(text, file);
  if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));
  return result.definition;
}

export function bundled(name: string): WorldDefinition {
  return compile(readFileSync(join(ROOT, 'scenarios', name), 'utf8'), `scenarios/${name}`);
}

/**
 * A small scene: one room (and a hall beyond a door), with the given characters and timeline lines.
 * Characters and timeline are YAML flow lines, indented by the helper.
 */
export function scene(options: {
  characters: string[];
  timeline?: string[];
  until?: string;
  extra?: string;
  overrides?: string;
}): WorldDefinition {
  const text = [
    'omegaverse: 1',
    'title: test',
    'seed: 3',
    options.overrides ? `canon_overrides: ${options.overrides}` : '',
    'places:',
    '  room: { volume: 60, ventilation: 2 }',
    '  hall: { volume: 300, ventilation: 4 }',
    'doors:',
    '  - { id: room-door, between: [room, hall], state: closed }',
    'characters:',
    ...options.characters.map((c) => `  ${c}`),
    options.timeline?.length ? 'timeline:' : '',
    ...(options.timeline ?? []).map((a) => `  - ${a}`),
    `until: "${options.until ?? '0:10:00'}"`,
    options.extra ?? '',
  ].join('\n');
  return compile(text);
}

/** The events of a type, optionally from an actor and toward a target. */
export const find = (events: readonly WorldEvent[], type: string, actor?: string, target?: string) =>
  events.filter((e) => e.type === type && (!actor || e.actor === actor) && (!target || e.target === target));
