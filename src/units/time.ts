/**
 * Durations and instants. Inside the engine every instant is a number of seconds from the scenario's
 * start (negative for history). Scenario files and the command line write them as text, in three forms:
 *
 * - clock-style, `[-][Nd][ H:MM[:SS]]`: `"0:04:30"`, `"1d 7:00"`, `"-180d"`;
 * - units, `[-][Nd][Nh][Nm][Ns]`: `"90s"`, `"5m"`, `"2h"`, `"1d 6h"`;
 * - a time of day on a day, `[-][Nd] at HH:MM[:SS]` (instants only): `"-20d at 10:00"` is 10:00 by the
 *   scenario's clock on the day twenty days before the day the scenario starts on; `"at 22:00"` is 22:00
 *   on that first day, `"1d at 07:00"` the next morning.
 */
import { counted } from './number-words.js';

export const SECONDS_PER_MINUTE = 60;
export const SECONDS_PER_HOUR = 3600;
export const SECONDS_PER_DAY = 86_400;

const CLOCK_STYLE = /^(-)?\s*(?:(\d+)d)?\s*(?:(\d+):([0-5]\d)(?::([0-5]\d))?)?$/;
const UNIT_STYLE = /^(-)?\s*(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?$/;
const DAY_AT = /^(-)?\s*(?:(\d+)\s*d\s+)?at\s+(\S+)$/;

/** Days, hours, minutes and seconds (any left out: 0), with a sign, as seconds. */
function total(minus: string | undefined, parts: (string | undefined)[]): number {
  const [days, hours, minutes, seconds] = parts.map((p) => Number(p ?? 0)) as [
    number,
    number,
    number,
    number,
  ];
  const sum = days * SECONDS_PER_DAY + hours * SECONDS_PER_HOUR + minutes * SECONDS_PER_MINUTE + seconds;
  return minus ? -sum : sum;
}

/** A time of day on a day, as written: `-20d at 10:00` → day -20, 10:00 (seconds after midnight). */
function dayAt(text: string): { day: number; timeOfDay: number } | undefined {
  const m = DAY_AT.exec(text.trim());
  if (!m) return undefined;
  const timeOfDay = parseClock(m[3]!);
  if (timeOfDay === undefined) return undefined;
  const days = Number(m[2] ?? 0);
  return { day: m[1] ? -days : days, timeOfDay };
}

/** Whether `text` names a time of day on a day (`"-20d at 10:00"`): only an instant can. */
export const namesTimeOfDay = (text: string): boolean => dayAt(text) !== undefined;

/**
 * Parses a duration or instant in any of the three forms; returns seconds, or `undefined` if malformed.
 * A time of day on a day is read against `clock`, the wall clock at the start (seconds after midnight).
 */
export function parseDuration(text: string, clock = 0): number | undefined {
  const trimmed = text.trim();
  const at = dayAt(trimmed);
  if (at) return at.day * SECONDS_PER_DAY + at.timeOfDay - clock;
  for (const form of [CLOCK_STYLE, UNIT_STYLE]) {
    const m = form.exec(trimmed);
    if (m?.slice(2).some((part) => part !== undefined)) return total(m[1], m.slice(2));
  }
  return undefined;
}

/** How a form that is easy to misread was read, and what to write for the other reading. */
export interface Misreading {
  /** `5 hours`, or `20 days 10 hours before the start ("-21d at 14:00")` */
  reading: string;
  /** `write 5m for five minutes` */
  hint: string;
}

/**
 * Whether `text` is written in a form a writer may have meant otherwise, and how it was read:
 * - `H:MM` alone is hours and minutes (`"5:00"` is five hours, not five minutes);
 * - days with a clock part, in an instant, are added up (`"-20d 10:00"` is 20 days and 10 hours before
 *   the start, not 10:00 on the day 20 days before), unless both readings are the same instant.
 * `clock` is the wall clock at the start; `instant` whether the text names an instant (not a length).
 */
export function misreading(text: string, clock: number, instant: boolean): Misreading | undefined {
  const m = CLOCK_STYLE.exec(text.trim());
  if (!m) return undefined;
  const [, minus, days, hours, minutes, seconds] = m;
  if (hours === undefined) return undefined;
  const value = total(minus, [days, hours, minutes, seconds]);
  if (days === undefined && seconds === undefined) {
    // `H:MM` also reads as minutes and seconds.
    const other = Number(hours) * SECONDS_PER_MINUTE + Number(minutes);
    const after = instant && clock ? ` after the start (${formatTimeOfDay(clock + value)})` : '';
    // With a clock, an instant "10:00" may also have meant 10:00 by it: the next 10:00 from the start.
    const timeOfDay = Number(hours) * SECONDS_PER_HOUR + Number(minutes) * SECONDS_PER_MINUTE;
    const byClock =
      instant && clock && !minus && timeOfDay < SECONDS_PER_DAY
        ? `, or "${dayAtForm(timeOfDay < clock ? SECONDS_PER_DAY + timeOfDay : timeOfDay)}" for ${formatTimeOfDay(timeOfDay)} by the clock`
        : '';
    return {
      reading: `${humanDuration(Math.abs(value))}${after}`,
      hint: `write ${unitForm(other)} for ${humanDuration(other, true)}${byClock}`,
    };
  }
  if (!instant || days === undefined) return undefined;
  const day = minus ? -Number(days) : Number(days);
  const timeOfDay =
    Number(hours) * SECONDS_PER_HOUR + Number(minutes) * SECONDS_PER_MINUTE + Number(seconds ?? 0);
  if (day * SECONDS_PER_DAY + timeOfDay - clock === value) return undefined;
  return {
    reading: `${humanDuration(Math.abs(value))} ${value < 0 ? 'before' : 'after'} the start ("${dayAtForm(clock + value)}")`,
    hint: `write "${dayAtForm(day * SECONDS_PER_DAY + timeOfDay)}" for ${formatTimeOfDay(timeOfDay)} on that day`,
  };
}

/** Seconds in units, largest first: `90` → `1m30s`, `7200` → `2h`. */
export function unitForm(totalSeconds: number): string {
  let rest = Math.abs(Math.round(totalSeconds));
  let out = totalSeconds < 0 ? '-' : '';
  for (const [unit, size] of [
    ['d', SECONDS_PER_DAY],
    ['h', SECONDS_PER_HOUR],
    ['m', SECONDS_PER_MINUTE],
    ['s', 1],
  ] as const) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n) out += `${n}${unit}`;
  }
  return out === '' || out === '-' ? '0s' : out;
}

/** Seconds after midnight on day 0 as `"[-Nd ]at HH:MM[:SS]"`: `-20d at 10:00`, `at 22:00`. */
function dayAtForm(sinceMidnight: number): string {
  const day = Math.floor(sinceMidnight / SECONDS_PER_DAY);
  const time = formatTimeOfDay(sinceMidnight);
  return day === 0 ? `at ${time}` : `${day}d at ${time}`;
}

/** The time of day at `sinceMidnight` seconds after some midnight: `07:00`, or `07:00:30`. */
export function formatTimeOfDay(sinceMidnight: number): string {
  const inDay = ((Math.floor(sinceMidnight) % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY;
  const seconds = inDay % SECONDS_PER_MINUTE;
  return `${pad2(Math.floor(inDay / SECONDS_PER_HOUR))}:${pad2(Math.floor((inDay % SECONDS_PER_HOUR) / SECONDS_PER_MINUTE))}${seconds ? `:${pad2(seconds)}` : ''}`;
}

/**
 * A length of time for reading: `25 minutes`, `5 hours 30 minutes`, `2 days 3 hours`; with `words`,
 * counts up to ten are spelled out (`five minutes`).
 */
export function humanDuration(seconds: number, words = false): string {
  let rest = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  for (const [size, noun] of [
    [SECONDS_PER_DAY, 'day'],
    [SECONDS_PER_HOUR, 'hour'],
    [SECONDS_PER_MINUTE, 'minute'],
    [1, 'second'],
  ] as const) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n) parts.push(counted(n, noun, words));
  }
  return parts.length ? parts.join(' ') : counted(0, 'second', words);
}

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** Parses a wall-clock time of day (`"14:00"`, `"03:00:30"`) into seconds after midnight. */
export function parseClock(text: string): number | undefined {
  const m = CLOCK.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * SECONDS_PER_HOUR + Number(m[2]) * SECONDS_PER_MINUTE + Number(m[3] ?? 0);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Formats seconds back into the scenario syntax, to the second so that it cannot be misread:
 * `1d 7:00:05`, `-180d`, `0:04:30`, `3:00:00`.
 */
export function formatDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '-' : '';
  const rest = Math.round(Math.abs(totalSeconds));
  const days = Math.floor(rest / SECONDS_PER_DAY);
  if (days && rest === days * SECONDS_PER_DAY) return `${sign}${days}d`;
  return `${sign}${formatElapsed(rest).slice(1)}`;
}

/**
 * The time since the start, always to the second, for stamps that sit beside a clock reading:
 * `+0:03:00`, `+1d 12:00:05`, `-2:00:00`.
 */
export function formatElapsed(t: number): string {
  const sign = t < 0 ? '-' : '+';
  let rest = Math.round(Math.abs(t));
  const days = Math.floor(rest / SECONDS_PER_DAY);
  rest -= days * SECONDS_PER_DAY;
  const clock = `${Math.floor(rest / SECONDS_PER_HOUR)}:${pad2(Math.floor((rest % SECONDS_PER_HOUR) / SECONDS_PER_MINUTE))}:${pad2(rest % SECONDS_PER_MINUTE)}`;
  return `${sign}${days ? `${days}d ` : ''}${clock}`;
}

/**
 * The wall-clock reading of instant `t` for a scenario whose clock read `startClock` (seconds after
 * midnight) at its start: `14:03:05`, prefixed with the day (`day 2 03:00:00`) after the first.
 */
export function formatClock(startClock: number, t: number): string {
  const absolute = startClock + Math.floor(t);
  const day = Math.floor(absolute / SECONDS_PER_DAY);
  let rest = absolute - day * SECONDS_PER_DAY;
  const hours = Math.floor(rest / SECONDS_PER_HOUR);
  rest -= hours * SECONDS_PER_HOUR;
  const minutes = Math.floor(rest / SECONDS_PER_MINUTE);
  const seconds = rest - minutes * SECONDS_PER_MINUTE;
  const clock = `${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}`;
  if (day < 0) return `${clock}, ${-day} day${day === -1 ? '' : 's'} before`;
  return day === 0 ? clock : `day ${day + 1} ${clock}`;
}

/**
 * An instant as every narrated view stamps it: the wall clock, then the time since the start,
 * `14:03:00 +0:03:00`, `day 2 19:00:05 +1d 5:00:05`.
 */
export const formatStamp = (startClock: number, t: number): string =>
  `${formatClock(startClock, t)} ${formatElapsed(t)}`;
