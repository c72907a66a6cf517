/** Errors in a scenario file, each pointing at the line and column where the mistake was written. */
import type { ErrorDetail } from '../shape/wording.js';

export type { ErrorDetail };

export interface ScenarioError extends ErrorDetail {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
}

/** More errors than this bury the first ones, which usually cause the rest. */
const MAX_ERRORS = 50;

/**
 * `medbay.yaml:12:31: error: unknown character 'fin'`, then the expectation and the hint on indented lines:
 * the layout compilers use, so editors and terminals link the position.
 */
export const formatScenarioError = (e: ScenarioError): string => formatDiagnostic(e, 'error');

function formatDiagnostic(e: ScenarioError, label: 'error' | 'warning'): string {
  let text = `${e.file}:${e.line}:${e.column}: ${label}: ${e.message}`;
  if (e.expected !== undefined) text += `\n  expected: ${e.expected}`;
  if (e.hint !== undefined) text += `\n  hint: ${e.hint}`;
  return text;
}

/** A warning, laid out as an error is: `medbay.yaml:45:50: warning: 'to' in a 'say' is deprecated…`. */
export const formatScenarioWarning = (e: ScenarioError): string => formatDiagnostic(e, 'warning');

/** The errors to show: without repeats, in file order, at most `MAX_ERRORS`. */
export function settleErrors(errors: readonly ScenarioError[]): ScenarioError[] {
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const key = formatScenarioError(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => a.line - b.line || a.column - b.column || a.message.localeCompare(b.message));
  return unique.slice(0, MAX_ERRORS);
}
