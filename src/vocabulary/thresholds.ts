/** The perception thresholds fixed per observer and subject, in their order in a world's `thresholds`. */
export const THRESHOLD = { detect: 0, identify: 1, heat: 2, sour: 3 } as const;
export type ThresholdName = keyof typeof THRESHOLD;
export const THRESHOLD_COUNT = 4;
export const THRESHOLDS = Object.keys(THRESHOLD) as ThresholdName[];
