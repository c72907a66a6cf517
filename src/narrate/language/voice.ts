/**
 * A paragraph being told: each character is named in full at their first mention in it and by their
 * short name after, referred to by their own pronouns, and, when a sentence goes on with whom the one
 * before began with (and nobody else it named could be meant), by a pronoun: "Phasma obeyed Finn. She
 * took off the sealed helmet." A line of the full log is a paragraph of its own.
 */
import { takesPluralVerb } from '../../vocabulary/pronouns.js';
import type { Names } from './names.js';
import { possessive } from './phrases.js';

export interface VoiceOptions {
  /** whether sentences quote the numbers behind a drive (`protect 0.212`): the full log does */
  numbers?: boolean;
}

/** Who a sentence began with, and everyone it named. */
interface Said {
  lead: string | undefined;
  named: Set<string>;
}

export class Voice {
  private readonly named = new Set<string>();
  /** what the paragraph has already said, by key (an event's id, "calm:rey") */
  private readonly said = new Set<string>();
  private previous: Said = { lead: undefined, named: new Set() };
  private current: Said = { lead: undefined, named: new Set() };
  /** whether this sentence began with a pronoun that takes plural verbs (`they`) */
  private leadPlural = false;
  /** whether this sentence began with a pronoun (lowered after "Seconds later, ") */
  ledWithPronoun = false;
  readonly numbers: boolean;

  constructor(
    readonly names: Names,
    options: VoiceOptions = {},
  ) {
    this.numbers = options.numbers ?? true;
  }

  /** Starts the next sentence of the paragraph. */
  nextSentence(): void {
    if (this.current.lead !== undefined || this.current.named.size) this.previous = this.current;
    this.current = { lead: undefined, named: new Set() };
    this.leadPlural = false;
    this.ledWithPronoun = false;
  }

  /** The verb form that agrees with how this sentence began: `knows`, or `know` after `they`. */
  agree(singular: string, plural: string): string {
    return this.leadPlural ? plural : singular;
  }

  /** Notes that the paragraph has said `key`; returns whether it had already. */
  saidBefore(key: string): boolean {
    if (this.said.has(key)) return true;
    this.said.add(key);
    return false;
  }

  /** Whether the paragraph has already said `key` (without noting it). */
  hasSaid(key: string): boolean {
    return this.said.has(key);
  }

  /** A character: the full name at the first mention in this paragraph, the short name after. */
  who(id: string | undefined): string {
    if (id === undefined) return 'someone';
    this.current.named.add(id);
    if (this.named.has(id)) return this.names.short(id);
    this.named.add(id);
    return this.names.character(id);
  }

  /**
   * The character a sentence begins with: a pronoun (`she`) if the sentence before began with them too
   * and named nobody else it could mean; else as `who`.
   */
  lead(id: string | undefined): string {
    const plain = this.continues(id);
    this.current.lead = id;
    if (plain && id !== undefined) {
      this.current.named.add(id);
      this.leadPlural = takesPluralVerb(this.names.pronouns(id));
      this.ledWithPronoun = true;
      return this.subject(id);
    }
    return this.who(id);
  }

  /** As `lead`, possessive: `her approach`, `Rey's approach`. */
  leadWhose(id: string | undefined): string {
    const plain = this.continues(id);
    this.current.lead = id;
    if (plain && id !== undefined) {
      this.current.named.add(id);
      this.ledWithPronoun = true;
      return this.possessive(id);
    }
    return possessive(this.who(id));
  }

  private continues(id: string | undefined): boolean {
    if (id === undefined || this.previous.lead !== id) return false;
    return ![...this.previous.named].some((other) => this.confusable(other, id));
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
