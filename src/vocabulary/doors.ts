/** What a door can be: open, closed (leaks a little air), sealed (leaks almost none). */
export const DOOR_STATES = ['open', 'closed', 'sealed'] as const;
export type DoorState = (typeof DOOR_STATES)[number];
