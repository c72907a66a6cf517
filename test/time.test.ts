import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDuration,
  formatElapsed,
  humanDuration,
  misreading,
  namesTimeOfDay,
  parseClock,
  parseDuration,
  unitForm,
} from '../src/units/time.js';
import { compile } from './helpers.js';

describe('durations', () => {
  it.each([
    ['0:04:30', 270],
    ['1d 7:00', 86400 + 7 * 3600],
    ['12d', 12 * 86400],
    ['-180d', -180 * 86400],
    ['-181d 14:00', -(181 * 86400 + 14 * 3600)],
    ['0:00:05', 5],
    ['92d', 92 * 86400],
  ])('parses the clock-style form %s', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each([
    ['90s', 90],
    ['5m', 300],
    ['2h', 7200],
    ['3d', 3 * 86400],
    ['1h30m', 5400],
    ['1d 6h', 86400 + 6 * 3600],
    ['2h 0m 5s', 7205],
    ['-20d', -20 * 86400],
    ['-3h', -3 * 3600],
  ])('parses the unit form %s', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each([
    '',
    '1:7',
    '5',
    'abc',
    '1d 25',
    '0:60',
    '-',
    'd',
    '5 m 3',
    '30m 1h',
    '1d 2:00 5m',
    '1.5h',
    'at 25:00',
  ])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('reads a time of day on a day against the clock at the start', () => {
    const clock = parseClock('21:00')!;
    // 10:00 on the day twenty days before the start's day: 20 days and 11 hours before 21:00.
    expect(parseDuration('-20d at 10:00', clock)).toBe(-(20 * 86400 + 11 * 3600));
    // 07:00 the next morning is ten hours after a 21:00 start; 22:00 on the first day, one hour after.
    expect(parseDuration('1d at 07:00', clock)).toBe(10 * 3600);
    expect(parseDuration('at 22:00', clock)).toBe(3600);
    expect(parseDuration('at 22:00:30', clock)).toBe(3630);
    // Against midnight, the day and the hours add up as before.
    expect(parseDuration('2d at 10:00')).toBe(parseDuration('2d 10:00'));
    expect(namesTimeOfDay('-20d at 10:00')).toBe(true);
    expect(namesTimeOfDay('-20d 10:00')).toBe(false);
  });

  it('keeps every old form with its old meaning: "-20d 10:00" is 20 days and 10 hours before', () => {
    expect(parseDuration('-20d 10:00', parseClock('21:00')!)).toBe(-(20 * 86400 + 10 * 3600));
  });

  it('formats back to the same syntax, and to units', () => {
    for (const text of ['0:04:30', '1d 7:00:00', '12d', '-180d', '3:00:00'])
      expect(formatDuration(parseDuration(text)!)).toBe(text);
    // Never in a form easy to misread.
    expect(formatDuration(parseDuration('3:00')!)).toBe('3:00:00');
    expect(unitForm(90)).toBe('1m30s');
    expect(unitForm(7200)).toBe('2h');
    expect(unitForm(-86400 - 5)).toBe('-1d5s');
    expect(unitForm(0)).toBe('0s');
  });

  it('says a length of time for reading, in digits or small counts in words', () => {
    expect(humanDuration(300)).toBe('5 minutes');
    expect(humanDuration(300, true)).toBe('five minutes');
    expect(humanDuration(5 * 3600 + 1800)).toBe('5 hours 30 minutes');
    expect(humanDuration(86400 + 3600, true)).toBe('one day one hour');
    expect(humanDuration(0)).toBe('0 seconds');
  });

  it('stamps the elapsed time always to the second', () => {
    expect(formatElapsed(180)).toBe('+0:03:00');
    expect(formatElapsed(86400 + 12 * 3600 + 5)).toBe('+1d 12:00:05');
    expect(formatElapsed(-7200)).toBe('-2:00:00');
  });

  it('reads the wall clock across midnight', () => {
    const start = parseClock('22:00')!;
    expect(formatClock(start, 0)).toBe('22:00:00');
    expect(formatClock(start, 3 * 3600 + 5)).toBe('day 2 01:00:05');
    expect(parseClock('25:00')).toBeUndefined();
  });
});

describe('forms easy to misread', () => {
  it('"H:MM" alone is hours and minutes: it says so, and how to write minutes', () => {
    expect(misreading('5:00', 0, false)).toEqual({ reading: '5 hours', hint: 'write 5m for five minutes' });
    expect(misreading('0:30', 0, false)).toEqual({ reading: '30 minutes', hint: 'write 30s for 30 seconds' });
    expect(misreading('1:30', 0, false)).toEqual({
      reading: '1 hour 30 minutes',
      hint: 'write 1m30s for one minute 30 seconds',
    });
  });

  it('an instant "H:MM" with a clock: the wall clock it lands on, and the time-of-day form', () => {
    const clock = parseClock('14:00')!;
    expect(misreading('5:00', clock, true)).toEqual({
      reading: '5 hours after the start (19:00)',
      hint: 'write 5m for five minutes, or "1d at 05:00" for 05:00 by the clock',
    });
    expect(misreading('10:00', parseClock('09:00')!, true)?.hint).toContain(
      '"at 10:00" for 10:00 by the clock',
    );
  });

  it('days and a clock part in an instant: added up, unless that is also the time of day on that day', () => {
    const clock = parseClock('21:00')!;
    expect(misreading('-20d 10:00', clock, true)).toEqual({
      reading: '20 days 10 hours before the start ("-20d at 11:00")',
      hint: 'write "-20d at 10:00" for 10:00 on that day',
    });
    expect(misreading('-20d 10:00', 0, true)?.reading).toBe(
      '20 days 10 hours before the start ("-21d at 14:00")',
    );
    // From midnight, two days and ten hours is 10:00 on the day two days on: nothing to misread.
    expect(misreading('2d 10:00', 0, true)).toBeUndefined();
    expect(misreading('2d 10:00', clock, true)?.hint).toBe('write "2d at 10:00" for 10:00 on that day');
    // A length of time has no day to be on.
    expect(misreading('30d 12:00', clock, false)).toBeUndefined();
  });

  it.each(['0:04:30', '90s', '5m', '-180d', '-20d at 10:00', '12d'])(
    'has nothing to say about %j',
    (text) => {
      expect(misreading(text, parseClock('21:00')!, true)).toBeUndefined();
    },
  );
});

describe('times in a scenario file', () => {
  const ada =
    '  ada: { representation: omega, age: 30, at: room, cycle: { period: 30d, onsets: ["-20d at 10:00", "-50d 10:00"] } }';
  const file = (lines: string) =>
    [
      'omegaverse: 1',
      'clock: "21:00"',
      'places: { room: { volume: 60, ventilation: 2 } }',
      'characters:',
      ada,
      lines,
    ].join('\n');

  it('an instant may be a time of day on a day, against the file’s clock', () => {
    const def = compile(file('until: "1d at 07:00"'));
    expect(def.until).toBe(10 * 3600);
    expect(def.characters[0]!.cycle!.onsets).toEqual([-(50 * 86400 + 10 * 3600), -(20 * 86400 + 11 * 3600)]);
  });

  it('warns at its line about each form easy to misread, and says how it was read', async () => {
    const { loadScenario } = await import('../src/scenario/index.js');
    const result = loadScenario(file('until: "5:00"'), 'times.yaml');
    if (!result.ok) throw new Error('expected the file to load');
    expect(result.warnings).toEqual([
      {
        file: 'times.yaml',
        line: 5,
        column: ada.indexOf('"-50d 10:00"') + 1,
        message: `'-50d 10:00' read as 50 days 10 hours before the start ("-50d at 11:00")`,
        hint: 'write "-50d at 10:00" for 10:00 on that day',
      },
      {
        file: 'times.yaml',
        line: 6,
        column: 8,
        message: "'5:00' read as 5 hours after the start (02:00)",
        hint: 'write 5m for five minutes, or "1d at 05:00" for 05:00 by the clock',
      },
    ]);
  });

  it('a length of time cannot be a time of day', async () => {
    const { loadScenario } = await import('../src/scenario/index.js');
    const result = loadScenario(file('').replace('period: 30d', 'period: "2d at 10:00"'), 'times.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]!.message).toBe(
        "'2d at 10:00' is a time of day, and a period is a length of time",
      );
  });
});
