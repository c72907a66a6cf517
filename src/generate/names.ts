/**
 * Names for a generated crew: given names and family names from many languages, and ids made from
 * them (the given name alone when it is unique aboard). The ship's own name too.
 */

import type { Prng } from '../units/prng.js';
import { pick } from './draw.js';

const GIVEN = [
  'Ada Amani Anouk Arjun Asha Bao Bram Cai Chidi Dara Demir Eamon Elif Emre Esme Farah Femi Galen',
  'Hana Idris Ilse Imani Ines Ivo Jalen Jun Kai Kavya Kenji Kira Lars Leila Lior Mara Mateo Mina',
  'Nadia Nico Noor Oren Osei Petra Quinn Rafa Ravi Rhea Rosa Sami Sana Soren Tala Tariq Teo Uma',
  'Vera Wen Yara Yusuf Zara Zev',
]
  .join(' ')
  .split(' ');

const FAMILY = [
  'Abara Adeyemi Albrecht Alvarez Bakshi Brandt Castell Chen Dahl Dimitrov Eriksen Farouk Ferreira',
  'Haddad Halloran Ibarra Ivanova Jansen Kamau Kowalski Laine Lindqvist Mbeki Moreau Nakamura Novak',
  'Okafor Oyelaran Park Petrov Quispe Rahman Reyes Rossi Sato Silva Sokolov Tanaka Torres Udeh',
  'Varga Voss Wanjiru Weber Yilmaz Zhou',
]
  .join(' ')
  .split(' ');

const SHIPS = ['Kestrel', 'Meridian', 'Halcyon', 'Perihelion', 'Corvid', 'Lantern', 'Tamarind', 'Wayfarer'];

export const givenName = (rng: Prng): string => pick(rng, GIVEN);

export const familyName = (rng: Prng): string => pick(rng, FAMILY);

export const shipName = (rng: Prng): string => pick(rng, SHIPS);

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/**
 * An id for each full name: the given name when no one else aboard has it, else given and family
 * name, numbered if even that is shared (`ada`, `kai-chen`, `kai-chen-2`).
 */
export function idsFor(names: readonly { given: string; family: string }[]): string[] {
  const givenCount = new Map<string, number>();
  for (const n of names) givenCount.set(n.given, (givenCount.get(n.given) ?? 0) + 1);
  const taken = new Set<string>();
  return names.map((n) => {
    const base = givenCount.get(n.given) === 1 ? slug(n.given) : `${slug(n.given)}-${slug(n.family)}`;
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
    taken.add(id);
    return id;
  });
}
