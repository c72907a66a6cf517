/**
 * A point of view (`perspective/`): the scene as one character lives it. Unit checks on the bundled
 * scenes, and a property over generated scenes of secrets (omegas and alphas passing as betas, sealed
 * helmets, suppressants, records, lies and truths told, people coming and going): a point of view
 * never states what the character does not know at that instant.
 *
 * What a point of view may state is what the character does, perceives (their own nose and body) or
 * is told (a statement they hear), and what is done in the open where they are. Behaviour seen in the
 * open (a snarl, the command voice) is perceived, not stated; what the property holds to is what is
 * stated about someone: a representation identified or believed, a heat or a rut, a reminder, a
 * medication, a presenting, a roster conflict's reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { World } from '../src/engine/world.js';
import { whoKnows } from '../src/model/knowledge.js';
import { tellRun } from '../src/narrate/beats/narrator.js';
import { formatLog, formatStory } from '../src/narrate/format.js';
import { perspectiveOf } from '../src/perspective/perspective.js';
import { cli } from './cli-harness.js';
import { leaks, OWN } from './fuzz/secrets.js';
import { bundled, compile } from './helpers.js';

const REPS = ['alpha', 'beta', 'omega'] as const;

const person = fc.record({
  rep: fc.constantFrom(...REPS),
  passes: fc.boolean(),
  helmet: fc.boolean(),
  suppressant: fc.boolean(),
  inHeatSoon: fc.boolean(),
  knows: fc.nat(),
});

const step = fc.record({
  at: fc.integer({ min: 1, max: 840 }),
  kind: fc.constantFrom(
    'approach',
    'touch',
    'withdraw',
    'tell',
    'say',
    'move',
    'remove',
    'wear',
    'order',
    'refuse',
    'request',
  ),
  actor: fc.nat(),
  target: fc.nat(),
  about: fc.nat(),
  value: fc.constantFrom(...REPS),
  truthful: fc.boolean(),
});

type Person = {
  rep: string;
  passes: boolean;
  helmet: boolean;
  suppressant: boolean;
  inHeatSoon: boolean;
  knows: number;
};
type Step = {
  at: number;
  kind: string;
  actor: number;
  target: number;
  about: number;
  value: string;
  truthful: boolean;
};

/** A valid scene of secrets: the generator keeps track of who is where and wears what. */
function sceneOf(cast: Person[], steps: Step[]): string {
  const n = cast.length;
  const id = (i: number) => `c${i}`;
  const place = cast.map((_, i) => (i % 2 === 0 ? 'room' : 'hall'));
  const helmet = cast.map((p) => p.helmet);
  const lines = [
    'omegaverse: 1',
    'title: secrets',
    'seed: 2',
    'canon: classic',
    'places:',
    '  room: { volume: 60, ventilation: 2 }',
    '  hall: { volume: 200, ventilation: 4 }',
    'doors:',
    '  - { id: hall-door, between: [room, hall], state: open }',
    'characters:',
  ];
  cast.forEach((p, i) => {
    const extra = [`representation: ${p.rep}`, 'age: 30', `at: ${place[i]}`, 'self_control: 0.3'];
    if (p.passes && p.rep !== 'beta') extra.push('presents_as: beta');
    if (p.helmet) extra.push('wears: [sealed-helmet]');
    else extra.push('carries: [sealed-helmet]');
    if (p.rep === 'omega') {
      if (p.suppressant) extra.push('medication: [suppressant]');
      extra.push(`cycle: { period: 28d, duration: 3d, onsets: ["${p.inHeatSoon ? '-28d 0:05' : '-10d'}"] }`);
    }
    if (p.rep === 'alpha' && p.inHeatSoon)
      extra.push('rut: { period: 60d, duration: 2d, onsets: ["-60d 0:05"] }');
    if (p.knows % (n + 1) < n && p.knows % (n + 1) !== i) extra.push(`knows: [${id(p.knows % (n + 1))}]`);
    lines.push(`  ${id(i)}: { ${extra.join(', ')} }`);
  });
  lines.push(
    'roster:',
    `  - { id: watch, title: Night watch, start: "2d", end: "2d 8:00", participants: [${cast.map((_, i) => id(i)).join(', ')}] }`,
  );
  const timeline: string[] = [];
  const seen = new Set<string>();
  for (const s of [...steps].sort((a, b) => a.at - b.at)) {
    if (seen.has(`${s.at}`)) continue;
    seen.add(`${s.at}`);
    const [a, t, about] = [s.actor % n, s.target % n, s.about % n];
    const at = `at: "${Math.floor(s.at / 60)}m${s.at % 60}s"`;
    const together = a !== t && place[a] === place[t];
    switch (s.kind) {
      case 'move':
        place[a] = place[a] === 'room' ? 'hall' : 'room';
        timeline.push(`{ ${at}, actor: ${id(a)}, do: move, to: ${place[a]} }`);
        break;
      case 'remove':
      case 'wear':
        if (helmet[a] === (s.kind === 'remove')) {
          helmet[a] = !helmet[a];
          timeline.push(`{ ${at}, actor: ${id(a)}, do: ${s.kind}, item: sealed-helmet }`);
        }
        break;
      case 'say':
        timeline.push(
          `{ ${at}, actor: ${id(a)}, do: say, text: "Nothing to see.", truthful: ${s.truthful} }`,
        );
        break;
      case 'tell':
        if (together)
          timeline.push(
            `{ ${at}, actor: ${id(a)}, do: tell, target: ${id(t)}, about: ${id(about)}, value: ${s.value} }`,
          );
        break;
      case 'order':
        if (together)
          timeline.push(
            `{ ${at}, actor: ${id(a)}, do: order, target: ${id(t)}, demand: { do: remove, item: sealed-helmet } }`,
          );
        break;
      case 'request':
        if (together) timeline.push(`{ ${at}, actor: ${id(a)}, do: request-leave, target: ${id(t)} }`);
        break;
      default:
        if (together) timeline.push(`{ ${at}, actor: ${id(a)}, do: ${s.kind}, target: ${id(t)} }`);
    }
  }
  if (timeline.length) lines.push('timeline:', ...timeline.map((l) => `  - ${l}`));
  lines.push('until: "15m"');
  return lines.join('\n');
}

const scene = fc.record({
  cast: fc.array(person, { minLength: 2, maxLength: 4 }),
  steps: fc.array(step, { maxLength: 14 }),
});

/** The words that would say what someone truly is. */
const WORDS: Record<string, RegExp> = {
  omega: /\b(omega|omegas|heat|pre-heat|suppressant)\b/i,
  alpha: /\b(alpha|alphas|rut|pre-rut)\b/i,
  beta: /\b(beta|betas)\b/i,
};

describe('a point of view never states what the character does not know', () => {
  it('in generated scenes of secrets, for every character, in its events and in its words', () => {
    fc.assert(
      fc.property(scene, ({ cast, steps }) => {
        const def = compile(sceneOf(cast, steps), 'secrets.yaml');
        const world = World.create(def);
        world.run();
        for (const c of def.characters) {
          expect(leaks(def, world.events, c.id)).toEqual([]);
          // In words: no sentence names someone with a word of a secret the viewer never came to know,
          // but what they were told and what they perceived themself.
          const pov = perspectiveOf(def, world.events, c.id);
          const text = [
            formatLog(
              pov.filter((e) => e.type !== 'tell' && !(e.actor === c.id && OWN.has(e.type))),
              def,
              'text',
            ),
            formatStory(tellRun(World.create(def), { pov: c.id }), def, 'text'),
          ].join('\n');
          for (const other of def.characters) {
            const truth = other.representation;
            const secret = other.id !== c.id && truth !== (other.presentsAs ?? 'beta');
            const everKnown =
              whoKnows(world.events, other.id, truth, def.until).some((k) => k.observer === c.id) ||
              world.events.some(
                (e) => e.actor === c.id && e.target === other.id && OWN.has(e.type) && e.value === truth,
              ) ||
              pov.some((e) => e.type === 'tell' && e.data.about === other.id && e.value === truth) ||
              pov.some((e) => e.type === 'recognise-heat' && e.target === other.id);
            if (!secret || everKnown) continue;
            // Statements made or heard ("told … that") say what was said, not what is so.
            const sentences = text
              .split(/(?<=[.”])\s+/)
              .filter((s) => s.includes(other.name) && !s.includes(' told '));
            expect(
              sentences.filter((s) => WORDS[truth]!.test(s)),
              `${c.id} about ${other.id} (${truth})`,
            ).toEqual([]);
          }
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});

describe('a point of view', () => {
  it('is a log of its own: numbered from 1, each cause an earlier event of it', () => {
    const world = World.create(bundled('medbay.yaml'));
    world.run();
    const pov = perspectiveOf(world.definition, world.events, 'phasma');
    expect(pov.map((e) => e.id)).toEqual(pov.map((_, i) => i + 1));
    for (const e of pov) for (const c of e.causes) expect(c).toBeLessThan(e.id);
    // Rey's nose and drives are hers.
    expect(
      pov.filter((e) => e.actor === 'rey' && ['identify', 'belief', 'drive', 'detect'].includes(e.type)),
    ).toEqual([]);
    // What Phasma saw of the others keeps no number of their inner life.
    const comply = pov.find((e) => e.type === 'comply')!;
    expect(comply.actor).toBe('phasma');
    expect(comply.data.will).toBeDefined();
    const snarl = pov.find((e) => e.type === 'snarl')!;
    expect(snarl.data).toEqual({});
  });

  it('tells a shiver without whose scent it was at, and a statement without whether it was true', () => {
    const world = World.create(bundled('medbay.yaml'));
    world.run();
    const rey = perspectiveOf(world.definition, world.events, 'rey');
    const shiver = rey.find((e) => e.type === 'shiver')!;
    expect(shiver.target).toBeUndefined();
    expect(formatLog([shiver], world.definition, 'text')).toContain('Phasma shivered.');
    const say = rey.find((e) => e.type === 'say')!;
    expect(say.data).toEqual({ text: "She's safe. Nobody here will hurt her." });
  });

  it('reads a leave it cannot know the reason of as medical leave, as the roster does', () => {
    const def = compile(
      `
omegaverse: 1
seed: 5
clock: "21:00"
places:
  office: { volume: 50, ventilation: 2 }
characters:
  ren: { name: Kylo Ren, pronouns: he, representation: omega, presents_as: beta, age: 30, at: office, wears: [sealed-helmet], medication: [suppressant], cycle: { period: 30d, duration: 4d, onsets: ["-545d", "-363d", "-181d"] } }
  hux: { name: General Hux, pronouns: he, representation: alpha, age: 34, at: office }
roster:
  - { id: crait, title: Mission to Crait, start: "1d", end: "2d", participants: [ren, hux] }
timeline:
  - { at: "0:10:00", actor: ren, do: request-leave, target: hux }
until: "0:20:00"
`,
      'leave.yaml',
    );
    const world = World.create(def);
    world.run();
    const full = formatLog(world.events, def, 'text');
    expect(full).toContain('Kylo Ren cannot be at Mission to Crait: heat');
    const hux = formatLog(perspectiveOf(def, world.events, 'hux'), def, 'text');
    expect(hux).toContain('Kylo Ren cannot be at Mission to Crait: medical leave.');
    expect(hux).not.toMatch(/heat|omega|suppressant/);
    const ren = formatLog(perspectiveOf(def, world.events, 'ren'), def, 'text');
    expect(ren).toContain('Kylo Ren cannot be at Mission to Crait: heat');
  });
});

describe('omegaverse run --pov', () => {
  it('tells the run as the character lives it, in every format', async () => {
    const beats = await cli('run', 'scenarios/medbay.yaml', '--pov', 'phasma');
    expect(beats.code).toBe(0);
    expect(beats.out).toContain('Phasma took Rey and Finn for betas.');
    expect(beats.out).not.toContain('Rey caught a scent of steel and cedar');
    const full = await cli('run', 'scenarios/medbay.yaml', '--pov', 'phasma', '--detail', 'full');
    expect(full.out.split('\n')[1]).toBe(
      '#1    14:00:00 +0:00:00  Phasma took Doctor for a beta (assumed: no scent, no record).',
    );
    const jsonl = await cli('run', 'scenarios/medbay.yaml', '--pov', 'phasma', '--format', 'jsonl');
    const records = jsonl.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // Hers, done to her, or done where she was: in the medbay, at its door, leaving it.
    const seen = (r: {
      actor?: string;
      target?: string;
      place?: string;
      data: { between?: string[]; from?: string };
    }) =>
      r.actor === 'phasma' ||
      r.target === 'phasma' ||
      r.place === 'medbay' ||
      r.data.from === 'medbay' ||
      r.data.between?.includes('medbay');
    expect(records.filter((r) => !seen(r))).toEqual([]);
    const md = await cli('run', 'scenarios/medbay.yaml', '--pov', 'phasma', '--format', 'md');
    expect(md.out).toContain('Told as Phasma lives it: what she does, perceives or is told.');
    expect(md.out).toContain('- **Rey** — she/her.');
    expect(md.out).not.toContain('## Expectations');
  });

  it('names an unknown character with a did-you-mean, exit 2', async () => {
    const run = await cli('run', 'scenarios/medbay.yaml', '--pov', 'rye');
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      "error: --pov: unknown character 'rye'; did you mean 'rey'? (characters: rey, finn, phasma, doctor)\n",
    );
  });
});
