/**
 * What a point of view states about whose representation, and the statements that give away a secret
 * the viewer does not know at that instant: shared by the point-of-view property
 * (`perspective.test.ts`) and the fuzzing harness's privacy invariant.
 */
import type { WorldDefinition } from '../../src/model/definition.js';
import type { WorldEvent } from '../../src/model/events.js';
import { whoKnows } from '../../src/model/knowledge.js';
import { perspectiveOf } from '../../src/perspective/perspective.js';
import type { Representation } from '../../src/vocabulary/representations.js';

/** What an event states about whose representation, if anything. */
function statements(e: WorldEvent): { subject: string; value: Representation }[] {
  const by = (subject: string | undefined, value: Representation) => (subject ? [{ subject, value }] : []);
  switch (e.type) {
    case 'identify':
    case 'belief':
      return by(e.target, e.value as Representation);
    case 'recognise-heat':
      return by(e.target, 'omega');
    case 'pre-heat':
    case 'heat-onset':
    case 'heat-end':
      return by(e.actor, 'omega');
    case 'heat-advanced':
      return [...by(e.actor, 'omega'), ...by(e.target, 'alpha')];
    case 'pre-rut':
    case 'rut-onset':
    case 'rut-end':
      return by(e.actor, 'alpha');
    case 'rut-advanced':
      return [...by(e.actor, 'alpha'), ...by(e.target, 'omega')];
    case 'reminder':
      return by(e.actor, e.data.kind === 'rut' ? 'alpha' : 'omega');
    case 'present':
      return by(e.actor, e.value as Representation);
    case 'medication':
      return e.data.medication === 'suppressant' ? by(e.actor, 'omega') : [];
    case 'conflict':
      if (e.data.kind === undefined) return [];
      return by(String(e.data.via ?? e.actor), e.data.kind === 'rut' ? 'alpha' : 'omega');
    default:
      return [];
  }
}

/** The viewer's own perceptions and body: what they state, the viewer perceived. */
export const OWN = new Set(['identify', 'belief', 'recognise-heat', 'detect', 'smell-on', 'recognise-bond']);

/**
 * Every statement of a point of view that gives away a secret the viewer does not know at that instant:
 * a representation someone does not present as, stated by anything but the viewer's own perception or
 * body or a statement they heard.
 */
export function leaks(def: WorldDefinition, events: readonly WorldEvent[], viewer: string): string[] {
  const truth = new Map(def.characters.map((c) => [c.id, c.representation]));
  const presents = new Map(def.characters.map((c) => [c.id, c.presentsAs ?? 'beta']));
  for (const e of events) if (e.type === 'present' && e.actor) truth.set(e.actor, e.value as Representation);
  const found: string[] = [];
  for (const e of perspectiveOf(def, events, viewer)) {
    if (e.type === 'tell') continue;
    const own =
      e.actor === viewer &&
      (OWN.has(e.type) ||
        statements(e).every(
          (s) => s.subject === viewer || e.type.startsWith('heat') || e.type.startsWith('rut'),
        ));
    if (own) continue;
    for (const { subject, value } of statements(e)) {
      if (subject === viewer || value !== truth.get(subject) || value === presents.get(subject)) continue;
      const known = whoKnows(events, subject, value, e.t).some((k) => k.observer === viewer);
      if (!known)
        found.push(`#${e.id} ${e.type} (${e.actor}→${e.target ?? ''}) states ${subject} is ${value}`);
    }
  }
  return found;
}
