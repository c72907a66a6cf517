/** The event log's types: what a world can report happening. */

export const EVENT_TYPES = [
  // what characters do (scripted, or decided by the engine)
  'move',
  'door',
  'gear',
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
  'medication',
  'mark',
  'request-leave',
  // perception and belief
  'detect',
  'identify',
  'recognise-heat',
  'lie-detected',
  'truth-sensed',
  'belief',
  'recognise-bond',
  // instinct and social rules
  'drive',
  'resist',
  'snarl',
  'restrain',
  'release',
  'whine',
  'shiver',
  'comply',
  'defy',
  'consent-block',
  'bond',
  // the body and the calendar
  'pre-heat',
  'heat-onset',
  'heat-advanced',
  'heat-end',
  'reminder',
  'conflict',
  'reschedule',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** What the engine decides by itself, never the script: every one of these can be explained. */
export const AUTONOMOUS_TYPES: readonly EventType[] = [
  'drive',
  'resist',
  'snarl',
  'restrain',
  'release',
  'whine',
  'shiver',
  'comply',
  'defy',
  'consent-block',
  'bond',
  'recognise-bond',
  'heat-advanced',
  'conflict',
  'reschedule',
];
