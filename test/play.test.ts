/**
 * Playing a scene: the `Play` runtime (next, choices, choose, why, save and load), and `omegaverse
 * play`, whose documented play-through in docs/play.md is a golden transcript, byte for byte (set
 * UPDATE_GOLDEN=1 to rewrite it there, then read the diff as prose).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/program.js';
import { World } from '../src/engine/world.js';
import { Play } from '../src/play/play.js';
import { cli } from './cli-harness.js';
import { bundled, ROOT } from './helpers.js';

const DOC = join(ROOT, 'docs', 'play.md');
/** The play-through's transcript: the text block right after this line of the doc. */
const MARK = '<!-- the play-through: test/play.test.ts holds it to the command’s output -->';

function documented(): string {
  const doc = readFileSync(DOC, 'utf8');
  const at = doc.indexOf(MARK);
  if (at < 0) throw new Error(`docs/play.md has lost its mark: ${MARK}`);
  const block = /```text\n([\s\S]*?)```/.exec(doc.slice(at))!;
  return block[1]!;
}

describe('omegaverse play', () => {
  it('reproduces the play-through of docs/play.md byte for byte', async () => {
    const run = await cli(
      'play',
      'scenarios/medbay.yaml',
      '--as',
      'phasma',
      '--script',
      'scenarios/medbay.choices.txt',
    );
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const command =
      '$ npx omegaverse play scenarios/medbay.yaml --as phasma --script scenarios/medbay.choices.txt\n';
    const transcript = command + run.out;
    if (process.env.UPDATE_GOLDEN) {
      const doc = readFileSync(DOC, 'utf8');
      const at = doc.indexOf(MARK);
      const start = doc.indexOf('```text\n', at) + '```text\n'.length;
      const end = doc.indexOf('```', start);
      writeFileSync(DOC, doc.slice(0, start) + transcript + doc.slice(end));
    }
    expect(transcript).toBe(documented());
  });

  it('saves and loads a game: loaded, it goes on as the saved one would have', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omegaverse-play-'));
    const save = join(dir, 'standoff');
    const script = (lines: string[]) => {
      const file = join(dir, `${lines.length}-${Math.random().toString(36).slice(2)}.txt`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      return file;
    };
    const straight = await cli(
      'play',
      'scenarios/medbay.yaml',
      '--as',
      'phasma',
      '--script',
      script(['wait', 'wait', `save ${save}`, '20', 'wait', 'wait', 'who']),
    );
    expect(straight.out).toContain(`Saved to ${save}.json at 14:00:06 +0:00:06.`);
    const saved = JSON.parse(readFileSync(`${save}.json`, 'utf8'));
    expect(saved).toMatchObject({ format: 'omegaverse/play', as: 'phasma' });
    const resumed = await cli(
      'play',
      'scenarios/medbay.yaml',
      '--as',
      'phasma',
      '--script',
      script(['wait', `load ${save}`, '20', 'wait', 'wait', 'who']),
    );
    expect(resumed.code).toBe(0);
    expect(resumed.out).toContain(`Loaded ${save}.json: 14:00:06 +0:00:06, played as Phasma.`);
    // The same story after the save point, from the same choices.
    const tail = (out: string, marker: string) => out.slice(out.indexOf(marker)).split('> 20\n')[1];
    expect(tail(resumed.out, 'Loaded')).toBe(tail(straight.out, 'Saved'));
  });

  it('reads lines typed on a keyboard too, echoing them when standard input is not a terminal', async () => {
    let out = '';
    const code = await main(['node', 'omegaverse', 'play', 'scenarios/medbay.yaml', '--as', 'doctor'], {
      stdout: (text) => {
        out += text;
      },
      stderr: (text) => {
        out += text;
      },
      lines: async function* () {
        yield 'hello';
        yield 'quit';
      },
      inputIsTTY: false,
    });
    expect(code).toBe(0);
    expect(out).toContain('Medbay — played as Doctor.');
    expect(out).toContain(
      "> hello\nunknown command 'hello': type the number of a choice, or wait, why, who, save, load, quit, help (did you mean 'help'?)\n> quit\n",
    );
  });

  it('refuses what it cannot play: an unknown character, a script line it cannot read', async () => {
    const unknown = await cli(
      'play',
      'scenarios/medbay.yaml',
      '--as',
      'phasm',
      '--script',
      'scenarios/medbay.choices.txt',
    );
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe(
      "error: --as: unknown character 'phasm'; did you mean 'phasma'? (characters: rey, finn, phasma, doctor)\n",
    );
    const dir = mkdtempSync(join(tmpdir(), 'omegaverse-play-'));
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'wait\n99\n');
    const run = await cli('play', 'scenarios/medbay.yaml', '--as', 'phasma', '--script', bad);
    expect(run.code).toBe(2);
    expect(run.err).toBe(`error: ${bad}:2: there is no choice 99: pick one from 1 to 14\n`);
    writeFileSync(bad, 'wait 5 minutes\n');
    const wait = await cli('play', 'scenarios/medbay.yaml', '--as', 'phasma', '--script', bad);
    expect(wait.err).toContain("wait: expected a length of time such as 30s, 5m or 1h, got '5 minutes'");
    const missing = await cli(
      'play',
      'scenarios/medbay.yaml',
      '--as',
      'phasma',
      '--script',
      join(dir, 'none.txt'),
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file');
  });
});

describe('Play', () => {
  it('runs to the next thing that reaches the character, offers choices, and takes one', () => {
    const play = Play.start(bundled('medbay.yaml'), { as: 'phasma' });
    expect(play.next().map((p) => p.text)).toEqual(['Phasma took Doctor for a beta (no scent, no record).']);
    const choices = play.choices();
    expect(choices.map((c) => c.text)).toContain('take off the sealed helmet');
    const helmet = choices.findIndex((c) => c.text === 'take off the sealed helmet');
    expect(play.choose(helmet)).toMatchObject({ ok: true, action: { at: 1, do: 'remove' } });
    expect(play.next()).toEqual([
      {
        t: 1,
        stamp: '14:00:01 +0:00:01',
        text: 'Phasma took off the sealed helmet, releasing the scent held inside.',
      },
    ]);
    expect(play.choose(99)).toMatchObject({ ok: false, reason: 'there is no choice 99' });
    expect(play.act({ do: 'move', to: 'corridor' })).toMatchObject({
      ok: false,
      reason: 'Phasma cannot move from the medbay to the corridor at 0:00:02: medbay-door is closed',
    });
  });

  it('leaves out the character’s own scripted actions, and keeps everyone else’s', () => {
    const play = Play.start(bundled('medbay.yaml'), { as: 'phasma' });
    expect(play.world.definition.timeline.some((a) => a.actor === 'phasma')).toBe(false);
    expect(play.world.definition.timeline.some((a) => a.actor === 'rey')).toBe(true);
  });

  it('saved and loaded, goes on exactly as the original', () => {
    const play = Play.start(bundled('medbay.yaml'), { as: 'phasma' });
    play.next();
    play.next(120);
    play.act({ do: 'refuse', target: 'finn', text: 'Not one step.' });
    const copy = Play.load(JSON.parse(JSON.stringify(play.save())));
    play.next(600);
    copy.next(600);
    expect(JSON.stringify(copy.world.events)).toBe(JSON.stringify(play.world.events));
    expect(copy.events.map((e) => e.id)).toEqual(play.events.map((e) => e.id));
    expect(play.world.events.find((e) => e.type === 'refuse')?.data).toEqual({ text: 'Not one step.' });
    expect(() => Play.load({ format: 'omegaverse/snapshot' } as never)).toThrow(
      'not a saved omegaverse game',
    );
  });

  it('a run replayed from its choices is the same run', () => {
    const play = Play.start(bundled('medbay.yaml'), { as: 'phasma' });
    while (!play.finished) {
      play.next();
      const refuse = play.choices().findIndex((c) => c.text.startsWith('refuse'));
      if (refuse >= 0 && play.time > 200) play.choose(refuse);
    }
    const replay = World.create(play.world.definition, { played: play.world.played });
    replay.run();
    expect(JSON.stringify(replay.events)).toBe(JSON.stringify(play.world.events));
  });

  it('explains from what the character could know', () => {
    const play = Play.start(bundled('medbay.yaml'), { as: 'phasma' });
    while (!play.finished) play.next();
    const seizure = play.events.find((e) => e.type === 'restrain')!;
    const tree = play.why(seizure.id)!;
    const seen = JSON.stringify(tree);
    // Rey's own drives and perceptions are hers: the explanation rests on what Phasma saw.
    expect(seen).not.toContain('"type":"drive"');
    expect(seen).not.toContain('"type":"identify"');
    expect(tree.causes.map((c) => c.event.type)).toContain('approach');
  });
});
