/**
 * Discomfort: an omega near a strong, unfamiliar alpha scent grows uneasy (a `presence` rule);
 * habituation eases it. What unease makes her do (shiver) is `src/engine/instinct/discomfort.ts`.
 */
import type { DriveRule } from '../instinct.js';

export const discomfortRules: Record<string, DriveRule> = {
  // discomfort: an omega near a strong, unfamiliar alpha scent grows uneasy; habituation eases it.
  'discomfort-strong-alpha': {
    mechanic: 'discomfort',
    enabled: true,
    feels: ['omega'],
    on: 'presence',
    when: ['subject-alpha-note-strong'],
    drive: 'discomfort',
    toward: 'subject',
    change: 'level',
    amount: 0.4,
    factors: ['alpha-note-dose', 'unfamiliarity', 'bond-damping', 'mate-ease'],
  },
};
