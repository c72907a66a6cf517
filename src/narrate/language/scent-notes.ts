/**
 * Scent notes as a reader meets them: a character's own notes, or the canon's defaults for what they
 * are, each in the words of the canon's catalogue (`scentNotes`).
 */
import type { CharacterDef, WorldDefinition } from '../../model/definition.js';
import { listing } from './phrases.js';

/**
 * A character's own notes (`notes:`), or the canon's defaults for what they are, each named by the
 * canon's catalogue (`scentNotes`) or as written when it has no entry.
 */
export function scentWords(def: WorldDefinition, c: CharacterDef): string {
  const notes = c.notes.length ? c.notes : (def.canon.scentDefaults[c.representation] ?? []);
  const named = notes.map((note) =>
    Object.hasOwn(def.canon.scentNotes, note) ? def.canon.scentNotes[note]! : note.replace(/[-_]/g, ' '),
  );
  return named.length ? listing(named) : 'a scent';
}
