/** An ensemble in any of its forms: text tables, the summary as JSON, tidy CSV, or an HTML page. */
import { formatCsv } from './format-csv.js';
import { formatHtml } from './format-html.js';
import { formatText } from './format-text.js';
import type { RunOutcome } from './outcome.js';
import type { EnsemblePlan } from './plan.js';
import { onlyTypes, summarise } from './summary.js';

export const ENSEMBLE_FORMATS = ['text', 'json', 'csv', 'html'] as const;
export type EnsembleFormat = (typeof ENSEMBLE_FORMATS)[number];

export interface FormatOptions {
  /** show only events of these types, and the expectations about them */
  only?: readonly string[];
}

/** The ensemble's runs (all of them, in run order) in `format`. */
export function formatEnsemble(
  plan: EnsemblePlan,
  outcomes: readonly RunOutcome[],
  format: EnsembleFormat,
  options: FormatOptions = {},
): string {
  if (format === 'csv') return formatCsv(plan, outcomes, options.only);
  const all = summarise(plan, outcomes);
  const result = options.only ? onlyTypes(all, options.only) : all;
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  return format === 'html' ? formatHtml(result) : formatText(result);
}
