/** The sandbox map's colour scale: every room's text reads on its colour (WCAG 4.5:1). */
import { describe, expect, it } from 'vitest';
import { contrast, RAMP, rampRgb, SCALE_HIGH, SCALE_LOW, scaleOf, textColourOn } from '../web/scale.js';

describe("the sandbox map's colours", () => {
  it('writes each room in black or white at 4.5:1 or more, whatever its scent', () => {
    let worst = Number.POSITIVE_INFINITY;
    for (let k = 0; k <= 1000; k++) {
      const fill = rampRgb(k / 1000);
      worst = Math.min(worst, contrast(fill, textColourOn(fill)));
    }
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });

  it('measures contrast as WCAG does', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([119, 119, 119], [255, 255, 255])).toBeCloseTo(4.48, 2);
  });

  it('spans the ramp from the scale bottom to its top, logarithmically', () => {
    expect(scaleOf(SCALE_LOW)).toBe(0);
    expect(scaleOf(SCALE_HIGH)).toBe(1);
    expect(scaleOf(Math.sqrt(SCALE_LOW * SCALE_HIGH))).toBeCloseTo(0.5, 10);
    expect(rampRgb(0)).toEqual([0xff, 0xff, 0xd9]);
    expect(RAMP).toHaveLength(9);
  });
});
