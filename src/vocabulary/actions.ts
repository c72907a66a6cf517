/** The kinds of action a timeline (or, at run time, a player) can take. */

export const ACTION_KINDS = [
  'move',
  'open',
  'close',
  'wear',
  'remove',
  'approach',
  'withdraw',
  'touch',
  'aim',
  'lower',
  'order',
  'say',
  'tell',
  'refuse',
  'consent',
  'submit',
  'reassure',
  'shower',
  'take',
  'stop',
  'mark',
  'request-leave',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Demands no order can carry: giving or withholding consent, and a mark, which needs it. */
export const UNORDERABLE: ReadonlySet<ActionKind> = new Set(['consent', 'refuse', 'mark']);
