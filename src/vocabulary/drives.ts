/** Instinct's drives, and the mechanics the drive rules serve. */

export const DRIVES = ['protect', 'aggression', 'discomfort', 'longing'] as const;
export type DriveName = (typeof DRIVES)[number];
export const DRIVE_COUNT = DRIVES.length;
/** A drive's offset in a pair's slots (characters × others × drives). */
export const DRIVE = { protect: 0, aggression: 1, discomfort: 2, longing: 3 } as const satisfies Record<
  DriveName,
  number
>;

export const MECHANICS = ['protect', 'guard', 'de-escalation', 'discomfort', 'longing'] as const;
export type Mechanic = (typeof MECHANICS)[number];
