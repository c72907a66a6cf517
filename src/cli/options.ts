/**
 * The command line's numeric options, read strictly: whole numbers in a stated range (never wrapped or
 * rounded: `--seed 4294967297` is an error, not seed 1), and instants that parse.
 */
import { InvalidArgumentError } from 'commander';
import { parseDuration } from '../units/time.js';

/** The largest seed: the engine's generator reads 32 bits. */
export const MAX_SEED = 2 ** 32 - 1;

/** A whole number from `min` to `max`, written in digits. */
export const wholeNumber =
  (min: number, max: number, unit = '') =>
  (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < min || n > max)
      throw new InvalidArgumentError(`expected a whole number${unit} from ${min} to ${max}`);
    return n;
  };

/** `--seed`: 0 to 2³² − 1 for every command that takes one. */
export const seedOption = wholeNumber(0, MAX_SEED);

/** An instant given on the command line, as written: read once the scenario's clock is known. */
export interface InstantOption {
  flag: string;
  text: string;
}

export function instantOption(flag: string) {
  return (value: string): InstantOption => {
    if (parseDuration(value) === undefined)
      throw new InvalidArgumentError(
        'expected an instant such as "0:30:00", "30m", "2d", "1d 7:00" or "1d at 07:00"',
      );
    return { flag, text: value };
  };
}

/** A length of time after the start (`--until` of an ensemble): more than zero. */
export function durationOption(value: string): number {
  const seconds = parseDuration(value);
  if (seconds === undefined || seconds <= 0)
    throw new InvalidArgumentError(
      'expected a duration after the start, such as "0:30:00", "2d" or "1d 7:00"',
    );
  return seconds;
}
