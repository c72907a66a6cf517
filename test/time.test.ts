import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, parseClock, parseDuration } from '../src/units/time.js';

describe('durations', () => {
  it.each([
    ['0:04:30', 270],
    ['1d 7:00', 86400 + 7 * 3600],
    ['12d', 12 * 86400],
    ['-180d', -180 * 86400],
    ['-181d 14:00', -(181 * 86400 + 14 * 3600)],
    ['0:00:05', 5],
    ['92d', 92 * 86400],
  ])('parses %s', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', '1:7', '5', 'abc', '1d 25', '0:60', '-', 'd'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('formats back to the same syntax', () => {
    for (const text of ['0:04:30', '1d 7:00', '12d', '-180d', '3:00'])
      expect(formatDuration(parseDuration(text)!)).toBe(text);
  });

  it('reads the wall clock across midnight', () => {
    const start = parseClock('22:00')!;
    expect(formatClock(start, 0)).toBe('22:00:00');
    expect(formatClock(start, 3 * 3600 + 5)).toBe('day 2 01:00:05');
    expect(parseClock('25:00')).toBeUndefined();
  });
});
