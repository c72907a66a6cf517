/** Rounded to three decimals: the precision events and explanations quote numbers at. */
export const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Every value rounded to three decimals. */
export function roundAll(values: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(values)) out[k] = round3(v);
  return out;
}
