/** How narration puts a place in a sentence: its article, and the preposition for being there. */

/**
 * Being in a place, and going there: `in` (in / into the medbay), `on` (on / onto the bridge), `at`
 * (at / to the bus stop), `out in` (out in / out into the garden), `out on` (out on / out onto the
 * terrace).
 */
export const PLACE_PREPOSITIONS = ['in', 'on', 'at', 'out in', 'out on'] as const;
export type PlacePreposition = (typeof PLACE_PREPOSITIONS)[number];

/** The preposition for going somewhere, by the one for being there. */
export const TOWARD: Record<PlacePreposition, string> = {
  in: 'into',
  on: 'onto',
  at: 'to',
  'out in': 'out into',
  'out on': 'out onto',
};

/** `the`: "the medbay"; `none`: the name alone ("Engineering", "Hux's quarters"). */
export const PLACE_ARTICLES = ['the', 'none'] as const;
export type PlaceArticle = (typeof PLACE_ARTICLES)[number];

/** The preposition a place's name suggests, by its last word, when the scenario gives none. */
const BY_LAST_WORD: Record<string, PlacePreposition> = Object.fromEntries([
  ...['bridge', 'deck', 'platform', 'stage', 'pier', 'dock', 'landing'].map((w) => [w, 'on'] as const),
  ...['terrace', 'balcony', 'veranda', 'porch', 'patio', 'roof', 'rooftop'].map(
    (w) => [w, 'out on'] as const,
  ),
  ...['garden', 'courtyard', 'yard', 'street', 'park', 'field', 'grounds'].map((w) => [w, 'out in'] as const),
]);

export function prepositionFor(name: string): PlacePreposition {
  const last = name.toLowerCase().split(/\s+/).at(-1) ?? '';
  return BY_LAST_WORD[last] ?? 'in';
}
