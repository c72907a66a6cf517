/** Pronouns: how narration refers to a character after naming them. */

export interface Pronouns {
  /** `she` took off the helmet */
  subject: string;
  /** Rey seized `him` */
  object: string;
  /** on `her` own skin */
  possessive: string;
  /** told Kade that she `herself` is a beta */
  reflexive: string;
}

/** The sets a scenario may name (`pronouns: she`); any other is written out as a map. */
export const PRONOUN_SETS = {
  she: { subject: 'she', object: 'her', possessive: 'her', reflexive: 'herself' },
  he: { subject: 'he', object: 'him', possessive: 'his', reflexive: 'himself' },
  they: { subject: 'they', object: 'them', possessive: 'their', reflexive: 'themselves' },
  it: { subject: 'it', object: 'it', possessive: 'its', reflexive: 'itself' },
} as const satisfies Record<string, Pronouns>;

export type PronounName = keyof typeof PRONOUN_SETS;

export const PRONOUN_NAMES = Object.keys(PRONOUN_SETS) as PronounName[];

/** Everyone is `they` until their scenario says otherwise. */
export const DEFAULT_PRONOUNS: Pronouns = PRONOUN_SETS.they;

/** Whether a set takes plural verbs, as `they` does ("they are"); every other set, `she is`, `xe is`. */
export const takesPluralVerb = (p: Pronouns): boolean => p.subject.toLowerCase() === 'they';
