/**
 * Protect: an alpha who smells an omega feels protective of them (a `presence` rule, held while it
 * holds), scaled by chemistry, reduced by habituation and by a bond to someone else. Run by
 * `src/engine/instinct/drives.ts`; what protectiveness makes matter is the guard's.
 */
import type { DriveRule } from '../instinct.js';

export const protectRules: Record<string, DriveRule> = {
  // protect: an alpha who smells an omega feels protective of them, scaled by chemistry and
  // reduced by habituation. A bonded alpha feels it far less for anyone but their mate, and any alpha
  // far less for an omega he has smelled to be bonded to another.
  'protect-identified-omega': {
    mechanic: 'protect',
    enabled: true,
    feels: ['alpha'],
    on: 'presence',
    when: ['identified-subject-omega', 'same-place'],
    drive: 'protect',
    toward: 'subject',
    change: 'level',
    amount: 0.6,
    factors: ['affinity-with-subject', 'habituation-reduces-protect', 'bond-damping', 'claimed-elsewhere'],
  },
};
