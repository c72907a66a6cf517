/**
 * A paragraph being told: each character is named in full at their first mention in it and by their
 * short name after, and referred to by their own pronouns. A line of the full log is a paragraph of
 * its own; a beat's paragraph holds the sentences of one moment.
 */
import { takesPluralVerb } from '../vocabulary/pronouns.js';
import type { Names } from './names.js';
import { possessive } from './phrases.js';

export interface VoiceOptions {
  /** whether sentences quote the numbers behind a drive (`protect 0.212`): the full log does */
  numbers?: boolean;
}

export class Voice {
  private readonly named = new Set<string>();
  readonly numbers: boolean;

  constructor(
    readonly names: Names,
    options: VoiceOptions = {},
  ) {
    this.numbers = options.numbers ?? true;
  }

  /** A character: the full name at the first mention in this paragraph, the short name after. */
  who(id: string | undefined): string {
    if (id === undefined) return 'someone';
    if (this.named.has(id)) return this.names.short(id);
    this.named.add(id);
    return this.names.character(id);
  }

  /** `Rey's`, with the name as `who` gives it. */
  whose(id: string | undefined): string {
    return possessive(this.who(id));
  }

  subject(id: string | undefined): string {
    return this.names.pronouns(id).subject;
  }

  object(id: string | undefined): string {
    return this.names.pronouns(id).object;
  }

  /** The possessive determiner: `her` head. */
  possessive(id: string | undefined): string {
    return this.names.pronouns(id).possessive;
  }

  reflexive(id: string | undefined): string {
    return this.names.pronouns(id).reflexive;
  }

  /** `is` or `are`, as the character's pronouns take it. */
  is(id: string | undefined): string {
    return takesPluralVerb(this.names.pronouns(id)) ? 'are' : 'is';
  }

  /** Whether a subject pronoun for `id` could as well mean `other` (both `he`, say). */
  confusable(id: string | undefined, other: string | undefined): boolean {
    return id !== other && this.subject(id).toLowerCase() === this.subject(other).toLowerCase();
  }
}
