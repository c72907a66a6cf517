/**
 * A fuzz case of any of the three kinds, drawn by weight: valid scenes most often (they reach the
 * engine; in campaigns, one run in 21 is a bundled scene under another seed), near-valid ones (one
 * mistake each), and hostile input.
 */
import fc from 'fast-check';
import { bundledScenario } from './bundled.js';
import { hostileScenario } from './hostile.js';
import type { Case } from './invariants.js';
import { nearValidScenario } from './near-valid.js';
import { type Size, toYaml, validScenario } from './valid.js';

export const fuzzCase = (size: Size): fc.Arbitrary<Case> =>
  fc
    .record({
      body: fc.oneof(
        {
          weight: 10,
          arbitrary: validScenario(size).map((d) => ({ kind: 'valid' as const, text: toYaml(d) })),
        },
        {
          weight: size.bundled ? 1 : 0,
          arbitrary: bundledScenario.map((b) => ({
            kind: 'valid' as const,
            how: `${b.name} with seed ${b.data.seed}`,
            text: toYaml(b.data),
          })),
        },
        {
          weight: 6,
          arbitrary: nearValidScenario(size).map((m) => ({
            kind: 'near-valid' as const,
            how: `${m.mutation} at ${m.path.join('.')}`,
            text: toYaml(m.data),
            ...(m.mustReject && { mustReject: true }),
          })),
        },
        {
          weight: 4,
          arbitrary: hostileScenario(size).map((h) => ({
            kind: 'hostile' as const,
            how: h.kind,
            text: h.text,
          })),
        },
      ),
      cut: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ body, cut }) => ({ ...body, cut }));
