/**
 * Scent notes as a reader meets them: a character's own notes (`notes:`), or the canon's defaults for
 * what they are, named by the canon's catalogue (`scentNotes`) or as written when it has no entry.
 */
import type { WorldDefinition } from '../model/definition.js';

/** "sand and ozone", "honey, rain and linen": a character's notes, for narration. */
export function scentWords(def: WorldDefinition, id: string | undefined): string {
  const character = def.characters.find((c) => c.id === id);
  if (!character) return 'a scent';
  const notes = character.notes.length
    ? character.notes
    : (def.canon.scentDefaults[character.representation] ?? []);
  const words = notes.map((note) =>
    Object.hasOwn(def.canon.scentNotes, note) ? def.canon.scentNotes[note]! : note.replace(/[-_]/g, ' '),
  );
  if (words.length <= 1) return words[0] ?? 'a scent';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
