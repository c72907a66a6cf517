/**
 * Zod schemas that word their own errors: what was expected, what was written, and a did-you-mean.
 * Shared by the scenario file's schema and by actions taken at run time (`world.act`), so that both
 * say the same thing about the same mistake.
 */
import * as z from 'zod';
import { suggest } from '../units/suggest.js';

/** What an error says, before it is given a place (a file's line, or an action's field). */
export interface ErrorDetail {
  message: string;
  /** what would have been accepted there */
  expected?: string;
  /** how to fix it, e.g. "did you mean 'finn'?" */
  hint?: string;
}

/**
 * An error as these schemas' error maps write it. Zod lets an error map return only a string, so ours
 * return a JSON list of these and `readDetails` reads it back.
 */
export interface IssueDetail extends ErrorDetail {
  /** the error is about this key of the map at the issue's path (an unknown key) */
  key?: string;
}

export type RawIssue = z.core.$ZodRawIssue;

export const report = (...details: IssueDetail[]) => JSON.stringify(details);

/** A zod issue's message as the details our error maps wrote (any other message as it is). */
export function readDetails(message: string): IssueDetail[] {
  if (!message.startsWith('[')) return [{ message }];
  try {
    return JSON.parse(message) as IssueDetail[];
  } catch {
    return [{ message }];
  }
}

/** The most characters of a written text an error message quotes: a 10 MB value is not echoed whole. */
const QUOTED_LENGTH = 60;

/** Text cut at `QUOTED_LENGTH` characters, with an ellipsis. */
export const shorten = (text: string): string =>
  text.length > QUOTED_LENGTH ? `${text.slice(0, QUOTED_LENGTH)}…` : text;

/** Text as an error message quotes it: in quotes, cut short. */
export const quote = (text: string): string => `'${shorten(text)}'`;

/** A value as an error message quotes it. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a map';
  return String(value);
}

/** `one, two, three`, shortened when long. */
export function listing(values: readonly string[], max = 12): string {
  return values.length > max ? `${values.slice(0, max).join(', ')}, …` : values.join(', ');
}

export function didYouMean(word: unknown, options: Iterable<string>): string | undefined {
  const best = typeof word === 'string' ? suggest(word, options) : undefined;
  return best === undefined ? undefined : `did you mean '${best}'?`;
}

const keyOf = (iss: RawIssue) => String(iss.path?.at(-1) ?? '');

/** The usual error map: a missing key, or a value of the wrong kind, where `what` was expected. */
export const expecting =
  (what: string, hint?: string) =>
  (iss: RawIssue): string =>
    iss.input === undefined
      ? report({ message: `missing ${quote(keyOf(iss))}`, expected: what, hint })
      : report({ message: `expected ${what}, got ${show(iss.input)}`, hint });

export const text = (what: string) => z.string({ error: expecting(what) });

/**
 * Names JavaScript objects give a meaning of their own: as an id or a key they could reach an object's
 * prototype, so a file may not use them (an error, not a silent loss).
 */
export const RESERVED_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** What is wrong with `name` as an id or a key: nothing, unless JavaScript reserves it. */
export function reservedName(name: string): ErrorDetail | undefined {
  return RESERVED_NAMES.includes(name)
    ? {
        message: `'${name}' is a reserved name, and cannot be an id or a key`,
        hint: `${RESERVED_NAMES.map((n) => `'${n}'`).join(', ')} mean something to JavaScript objects: choose another name`,
      }
    : undefined;
}

export const id = (what: string) =>
  z.string({ error: expecting(`${what} id`) }).superRefine((name, ctx) => {
    const reserved = reservedName(name);
    if (reserved) ctx.addIssue({ code: 'custom', message: report(reserved) });
  });

export function oneOf<const T extends readonly string[]>(values: T, what: string) {
  return z.enum(values, {
    error: (iss) =>
      iss.input === undefined
        ? expecting(what)(iss)
        : report({
            message: `expected ${what}, got ${show(iss.input)}`,
            expected: `one of ${listing(values, 50)}`,
            hint: didYouMean(iss.input, values),
          }),
  });
}

/** A map with exactly these keys; an unknown key is named with a did-you-mean. */
export function strict<S extends z.core.$ZodLooseShape>(
  what: string,
  shape: S,
  described = `${what} (a map)`,
) {
  const allowed = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? report(
            ...iss.keys.map((key) => ({
              key,
              message: `unknown key ${quote(key)} in ${what}`,
              expected: `one of ${allowed.join(', ')}`,
              hint: didYouMean(key, allowed),
            })),
          )
        : expecting(described)(iss),
  });
}
