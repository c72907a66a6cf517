/**
 * Durations and instants. Inside the engine every instant is a number of seconds from the scenario's
 * start (negative for history); scenario files write them as `[-][Nd][ H:MM[:SS]]`.
 */

export const SECONDS_PER_MINUTE = 60;
export const SECONDS_PER_HOUR = 3600;
export const SECONDS_PER_DAY = 86_400;

const DURATION = /^(-)?\s*(?:(\d+)d)?\s*(?:(\d+):([0-5]\d)(?::([0-5]\d))?)?$/;

/** Parses `"0:04:30"`, `"1d 7:00"`, `"12d"`, `"-180d"`; returns seconds, or `undefined` if malformed. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  if (!m) return undefined;
  const [, minus, days, hours, minutes, seconds] = m;
  if (days === undefined && hours === undefined) return undefined;
  const total =
    Number(days ?? 0) * SECONDS_PER_DAY +
    Number(hours ?? 0) * SECONDS_PER_HOUR +
    Number(minutes ?? 0) * SECONDS_PER_MINUTE +
    Number(seconds ?? 0);
  return minus ? -total : total;
}

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** Parses a wall-clock time of day (`"14:00"`, `"03:00:30"`) into seconds after midnight. */
export function parseClock(text: string): number | undefined {
  const m = CLOCK.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * SECONDS_PER_HOUR + Number(m[2]) * SECONDS_PER_MINUTE + Number(m[3] ?? 0);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Formats seconds back into the scenario syntax, e.g. `1d 7:00:05`, `-180d`, `0:04:30`. */
export function formatDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '-' : '';
  let rest = Math.round(Math.abs(totalSeconds));
  const days = Math.floor(rest / SECONDS_PER_DAY);
  rest -= days * SECONDS_PER_DAY;
  const hours = Math.floor(rest / SECONDS_PER_HOUR);
  rest -= hours * SECONDS_PER_HOUR;
  const minutes = Math.floor(rest / SECONDS_PER_MINUTE);
  const seconds = rest - minutes * SECONDS_PER_MINUTE;
  const clock = `${hours}:${pad2(minutes)}${seconds ? `:${pad2(seconds)}` : ''}`;
  if (days && !hours && !minutes && !seconds) return `${sign}${days}d`;
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

/** Military-style clock reading used in narration: `1403`. */
export function formatHhmm(startClock: number, t: number): string {
  const absolute = ((startClock + Math.floor(t)) % SECONDS_PER_DAY) + SECONDS_PER_DAY;
  const inDay = absolute % SECONDS_PER_DAY;
  return pad2(Math.floor(inDay / SECONDS_PER_HOUR)) + pad2(Math.floor((inDay % SECONDS_PER_HOUR) / 60));
}

/** A duration for reading: `25 minutes`, `5 hours 30 minutes`, `2 days 3 hours`. */
export function humanDuration(seconds: number): string {
  const units: [number, string][] = [
    [SECONDS_PER_DAY, 'day'],
    [SECONDS_PER_HOUR, 'hour'],
    [SECONDS_PER_MINUTE, 'minute'],
    [1, 'second'],
  ];
  let rest = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  for (const [size, word] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n) parts.push(`${n} ${word}${n === 1 ? '' : 's'}`);
  }
  return parts.length ? parts.join(' ') : '0 seconds';
}
