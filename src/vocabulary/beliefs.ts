/** Where a belief about someone's representation comes from. */

export const BELIEF_SOURCES = ['assumed', 'told', 'record', 'scent'] as const;
export type BeliefSource = (typeof BELIEF_SOURCES)[number];

/** What each source means, in words, for legends. */
export const SOURCE_MEANING: Record<BeliefSource, string> = {
  scent: 'smelled it',
  told: 'someone said so',
  record: 'from a record or file',
  assumed: 'no scent, no record: the presented representation, or beta',
};

/** How a belief came about, as narration says it in passing: "took Kade for a beta (by scent)". */
export const SOURCE_HOW: Record<BeliefSource, string> = {
  assumed: 'assumed: no scent, no record',
  told: 'told',
  record: 'from a record',
  scent: 'by scent',
};
