/**
 * Who is aboard: households (families, couples, people on their own) and each person's
 * representation, age, temperament, cycle and regimen, drawn from the canon's `population` numbers.
 * Nobody under 18 has a cycle, a regimen or a bond: the age rule.
 */
import type { Canon } from '../canon/types.js';
import type { Prng } from '../units/prng.js';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR } from '../units/time.js';
import { isAdult, type Representation } from '../vocabulary/representations.js';
import { chance, int, pick, share } from './draw.js';
import { familyName, givenName } from './names.js';

/** Personal scent notes: what makes one signature someone's own. */
const NOTES =
  'amber antiseptic cedar citrus clove coffee engine-oil honey lavender leather mint ozone pine rain salt sand smoke steel tea vanilla'.split(
    ' ',
  );

export interface Person {
  given: string;
  family: string;
  representation: Representation;
  /** set when they pass as a beta */
  presentsAs?: 'beta';
  age: number;
  selfControl: number;
  notes: string[];
  household: number;
  /** the indices of their parents aboard */
  parents?: [number, number];
  /** the index of their partner aboard */
  partner?: number;
  bonded?: boolean;
  /** recorded heat onsets (seconds, before the start) and the cycle's own period */
  cycle?: { period: number; onsets: number[] };
  /** when their suppressant regimen began (seconds, before the start) */
  suppressantSince?: number;
}

export interface Household {
  kind: 'family' | 'couple' | 'single';
  members: number[];
}

export interface PopulationOptions {
  size: number;
  families: boolean;
  withMinors: boolean;
}

/** A representation drawn from the population's ratios. */
function drawRepresentation(rng: Prng, p: Canon['population']): Representation {
  const u = rng.uniform();
  return u < p.alphaShare ? 'alpha' : u < p.alphaShare + p.omegaShare ? 'omega' : 'beta';
}

const round = (seconds: number, unit: number) => Math.round(seconds / unit) * unit;

/**
 * An adult omega's recorded onsets (every `population.recordedCycles`, around the person's own period)
 * and, on a suppressant, when the regimen began: after the last recorded heat.
 */
function drawCycle(rng: Prng, canon: Canon, person: Person, suppressed: boolean): void {
  const { period, duration, variability } = canon.cycleDefaults;
  const own = Math.max(
    10 * SECONDS_PER_DAY,
    round(period + rng.normal() * (variability / 2), SECONDS_PER_DAY),
  );
  const days = (seconds: number) => Math.round(seconds / SECONDS_PER_DAY);
  // The last recorded onset: within the last period, or, on a suppressant, before the regimen began.
  const last = suppressed
    ? -int(rng, days(duration) + 22, days(duration) + 22 + days(own)) * SECONDS_PER_DAY
    : -int(rng, 1, days(own) - 1) * SECONDS_PER_DAY;
  const onsets = [last + int(rng, 0, 23) * SECONDS_PER_HOUR];
  for (let k = 1; k < canon.population.recordedCycles; k++) {
    const gap = Math.max(own / 2, own + rng.normal() * (variability / 2));
    onsets.unshift(round(onsets[0]! - gap, SECONDS_PER_HOUR));
  }
  person.cycle = { period: own, onsets };
  if (suppressed) person.suppressantSince = last + duration + int(rng, 1, 20) * SECONDS_PER_DAY;
}

export function drawPopulation(
  rng: Prng,
  canon: Canon,
  options: PopulationOptions,
): { people: Person[]; households: Household[] } {
  const p = canon.population;
  const people: Person[] = [];
  const households: Household[] = [];
  const adultAge = () => int(rng, p.adultAge.min, p.adultAge.max);

  const add = (person: Omit<Person, 'selfControl' | 'notes'>): number => {
    const young = !isAdult(person);
    const notes = [pick(rng, NOTES)];
    if (chance(rng, 0.5))
      notes.push(
        pick(
          rng,
          NOTES.filter((n) => n !== notes[0]),
        ),
      );
    people.push({ ...person, selfControl: young ? share(rng, 0.2, 0.6) : share(rng, 0.3, 0.9), notes });
    return people.length - 1;
  };
  const couple = (a: number, b: number) => {
    people[a]!.partner = b;
    people[b]!.partner = a;
    const reps = new Set([people[a]!.representation, people[b]!.representation]);
    if (reps.has('alpha') && reps.has('omega') && chance(rng, p.bondShare)) {
      people[a]!.bonded = true;
      people[b]!.bonded = true;
    }
  };

  // Families first (a couple and one to three children), then couples, then the rest on their own.
  let left = options.size;
  if (options.families || options.withMinors) {
    const target = Math.round(options.size * p.familyShare);
    let placed = 0;
    while (target - placed >= 3) {
      const children = Math.min(int(rng, 1, 3), target - placed - 2);
      const household = households.length;
      const family = familyName(rng);
      const ages = Array.from({ length: children }, () =>
        options.withMinors ? int(rng, 3, 24) : int(rng, p.adultAge.min, p.adultAge.min + 10),
      );
      const eldest = Math.max(...ages);
      const parentAge = () => Math.min(p.adultAge.max, Math.max(p.adultAge.min, eldest + int(rng, 20, 34)));
      const parents = [0, 1].map(() =>
        add({
          given: givenName(rng),
          family,
          representation: drawRepresentation(rng, p),
          age: parentAge(),
          household,
        }),
      ) as [number, number];
      couple(...parents);
      const members = [...parents];
      for (const age of ages) {
        const representation =
          age < p.presentationAge
            ? 'unpresented'
            : chance(rng, p.inheritShare)
              ? people[pick(rng, parents)]!.representation
              : drawRepresentation(rng, p);
        members.push(add({ given: givenName(rng), family, representation, age, household, parents }));
      }
      households.push({ kind: 'family', members });
      placed += members.length;
    }
    left -= placed;
  }
  const partnered = Math.floor((left * p.partnerShare) / 2) * 2;
  for (let i = 0; i < left; i++) {
    // The first `partnered` come in twos: the second of each pair joins the first's cabin.
    const joining = i < partnered && i % 2 === 1;
    const household = joining ? households.length - 1 : households.length;
    const index = add({
      given: givenName(rng),
      family: familyName(rng),
      representation: drawRepresentation(rng, p),
      age: adultAge(),
      household,
    });
    if (joining) {
      households[household]!.members.push(index);
      couple(index - 1, index);
    } else households.push({ kind: i < partnered ? 'couple' : 'single', members: [index] });
  }

  // Cycles and regimens, for the adult omegas.
  for (const person of people) {
    if (person.representation !== 'omega' || !isAdult(person)) continue;
    const suppressed = chance(rng, p.suppressantShare);
    drawCycle(rng, canon, person, suppressed);
    if (suppressed && chance(rng, p.concealShare)) person.presentsAs = 'beta';
  }
  return { people, households };
}
