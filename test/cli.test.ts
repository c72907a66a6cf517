/** The command line, run as a user runs it: its output and its exit code. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-harness.js';
import { ROOT } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'omegaverse-cli-'));

describe('omegaverse run', () => {
  it('runs the bundled medbay scene by default and tells it in beats, a paragraph a line', async () => {
    const { code, out } = await cli('run');
    expect(code).toBe(0);
    expect(out).toMatch(/^Medbay\n14:00:00 \+0:00:00 {2}Rey and Finn took each other for betas/);
    expect(out).toContain('Seconds later, she seized Finn and held him back.');
    expect(out).toMatch(/\n\d+ beats from 88 events\n$/);
    expect(out).toBe(readFileSync(join(ROOT, 'scenarios/medbay.beats.txt'), 'utf8'));
  });

  it('prints every event with --detail full', async () => {
    const { code, out } = await cli('run', '--detail', 'full');
    expect(code).toBe(0);
    expect(out).toContain(
      '#28   14:03:00 +0:03:00  Rey caught a scent of steel and cedar: Phasma is an omega.',
    );
    expect(out).toBe(readFileSync(join(ROOT, 'scenarios/medbay.golden.txt'), 'utf8'));
  });

  it('filters either view, and JSON Lines, by event type (--only) and character (--about)', async () => {
    const full = await cli('run', '--detail', 'full', '--only', 'identify,restrain', '--about', 'finn');
    expect(full.code).toBe(0);
    const lines = full.out.trim().split('\n');
    expect(lines.slice(1, -1).map((l) => l.replace(/^#\d+ +[\d:]+ \+[\d:]+ +/, ''))).toEqual([
      'Finn caught a scent of steel and cedar at close range: Phasma is an omega.',
      'Phasma caught a scent of engine oil at close range: Finn is a beta.',
      'Rey seized Finn and held him back.',
      'Rey caught a scent of engine oil at close range: Finn is a beta.',
      'Finn caught a scent of sand and ozone at close range: Rey is an alpha.',
    ]);
    expect(lines.at(-1)).toBe('5 events');
    const beats = await cli('run', '--only', 'restrain,release');
    expect(beats.out.split('\n').slice(1, -2)).toEqual([
      '14:05:01 +0:05:01  Rey seized Finn and held him back. Half a minute later, she let go of Finn.',
    ]);
    const jsonl = await cli('run', '--format', 'jsonl', '--about', 'doctor', '--only', 'say');
    expect(
      jsonl.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).type),
    ).toEqual(['say']);
  });

  it('names an unknown event type or character in a filter, with a did-you-mean, and exits 2', async () => {
    const type = await cli('run', '--only', 'identfy');
    expect(type.code).toBe(2);
    expect(type.err).toBe(
      "error: --only: unknown event type 'identfy'; did you mean 'identify'? (see docs/events.md)\n",
    );
    const who = await cli('run', '--about', 'fin');
    expect(who.code).toBe(2);
    expect(who.err).toContain("--about: unknown character 'fin'; did you mean 'finn'?");
  });

  it('writes a scene outline with --format md: cast, places, scenes, expectations, and why as footnotes', async () => {
    const { code, out } = await cli('run', 'scenarios/quarters.yaml', '--format', 'md');
    expect(code).toBe(0);
    expect(out).toMatch(/^# Quarters\n\nA scene outline by omegaverse: seed 11/);
    expect(out).toContain(
      '- **Kylo Ren** (Ren) — An omega who presents as a beta, 30; he/him. Self-control 0.8. Scent of smoke and rain. Carries the sealed helmet. On the suppressant. Starts on the bridge.',
    );
    expect(out).toContain(
      "- **Hux's quarters** — 45 m³, 1 air change an hour; a door to the corridor (closed).",
    );
    expect(out).toContain("## 22:00–22:20 · the bridge, the corridor, Hux's quarters and Ren's quarters");
    expect(out).toContain(
      '**22:15:00 +0:15:00** — Kylo Ren told General Hux that he himself is a beta. Seconds later, Hux smelled the lie on Ren: a sour note.',
    );
    expect(out).toContain(
      "**22:16:40 +0:16:40** — General Hux's scent brought Kylo Ren's heat forward by one hour.[^34]",
    );
    expect(out).toContain('## Expectations\n\n- ✓ scenarios/quarters.yaml:');
    expect(out).toContain(
      "[^34]: #34 and what led to it:\n\n    ```text\n    #34 22:16:40 +0:16:40 General Hux's scent brought",
    );
    // Every footnote mark has its note, and every note its mark.
    const marks = new Set([...out.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => m[1]));
    const notes = new Set([...out.matchAll(/^\[\^(\d+)\]:/gm)].map((m) => m[1]));
    expect([...marks].sort()).toEqual([...notes].sort());
  });

  it('prints JSON Lines with seconds, clock and sentence', async () => {
    const { code, out } = await cli('run', 'scenarios/quarters.yaml', '--format', 'jsonl');
    expect(code).toBe(0);
    const events = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events[0]).toMatchObject({
      id: 1,
      t: 0,
      type: 'belief',
      actor: 'medic',
      target: 'ren',
      clock: '22:00:00',
    });
    expect(events.find((e) => e.type === 'lie-detected')).toMatchObject({
      t: 903,
      actor: 'hux',
      target: 'ren',
    });
  });

  it('honours --until and --seed, and writes --out atomically', async () => {
    const out = join(scratch, 'medbay.md');
    const { code } = await cli(
      'run',
      'scenarios/medbay.yaml',
      '--format',
      'md',
      '--until',
      '0:04:00',
      '--seed',
      '3',
      '--out',
      out,
    );
    expect(code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/^# Medbay\n/);
    expect(md).toContain('**14:02:00 +0:02:00** — Finn ordered Phasma');
    expect(md).not.toContain('14:04:01');
  });

  it('says on stderr how it read a time easy to misread, and runs', async () => {
    const { code, err } = await cli('run', '--until', '5:00', '--format', 'jsonl');
    expect(code).toBe(0);
    expect(err).toBe(
      'note: --until 5:00 read as 5 hours after the start (19:00); write 5m for five minutes, or "1d at 05:00" for 05:00 by the clock\n',
    );
    const quiet = await cli('run', '--until', '5m', '--format', 'jsonl');
    expect(quiet.err).toBe('');
    expect(
      quiet.out
        .trim()
        .split('\n')
        .every((line) => JSON.parse(line).t <= 300),
    ).toBe(true);
  });

  it('rejects a malformed option value with exit 2', async () => {
    const { code, err } = await cli('run', '--until', 'soon');
    expect(code).toBe(2);
    expect(err).toContain('expected an instant');
  });

  it('says so when the file does not exist', async () => {
    const { code, err } = await cli('run', 'nowhere.yaml');
    expect(code).toBe(2);
    expect(err).toBe('error: cannot read nowhere.yaml: no such file\n');
  });
});

describe('omegaverse check', () => {
  it('accepts a valid file', async () => {
    const { code, out } = await cli('check', 'scenarios/medbay.yaml');
    expect(code).toBe(0);
    expect(out).toMatch(/^ok scenarios\/medbay.yaml: 4 characters/);
  });

  it('prints a deprecated spelling as a warning at its line on stderr, and still says ok', async () => {
    const old = join(scratch, 'old.yaml');
    writeFileSync(
      old,
      readFileSync(join(ROOT, 'scenarios/medbay.yaml'), 'utf8').replace(
        'do: say, target: rey',
        'do: say, to: rey',
      ),
    );
    const { code, out, err } = await cli('check', old);
    expect(code).toBe(0);
    expect(out).toMatch(/^ok /);
    expect(err).toMatch(
      /old\.yaml:45:\d+: warning: 'to' in a 'say' is deprecated: write 'target'\n {2}hint: /,
    );
    const json = await cli('check', old, '--format', 'json');
    expect(JSON.parse(json.out)).toMatchObject({
      ok: true,
      warnings: [{ line: 45, message: expect.stringContaining("'to'") }],
    });
    const run = await cli('run', old);
    expect(run.code).toBe(0);
    expect(run.err).toContain('warning:');
  });

  it('warns at its line about a time easy to misread, says how it was read, and still says ok', async () => {
    const file = join(scratch, 'times.yaml');
    writeFileSync(
      file,
      [
        'omegaverse: 1',
        'clock: "21:00"',
        'places: { room: { volume: 60, ventilation: 2 } }',
        'characters:',
        '  ada: { representation: omega, age: 30, at: room, cycle: { onsets: ["-20d 10:00"] } }',
        'until: "5:00"',
      ].join('\n'),
    );
    const { code, out, err } = await cli('check', file);
    expect(code).toBe(0);
    expect(out).toMatch(/^ok /);
    expect(err).toMatch(
      /times\.yaml:5:\d+: warning: '-20d 10:00' read as 20 days 10 hours before the start \("-20d at 11:00"\)\n {2}hint: write "-20d at 10:00" for 10:00 on that day\n/,
    );
    expect(err).toContain("times.yaml:6:8: warning: '5:00' read as 5 hours after the start (02:00)");
  });

  it('names file, line and column, what was expected and a hint, and exits 2 without a stack trace', async () => {
    const bad = join(scratch, 'bad.yaml');
    writeFileSync(
      bad,
      readFileSync(join(ROOT, 'scenarios/medbay.yaml'), 'utf8').replace(
        'actor: finn,   do: aim',
        'actor: fin,   do: aim',
      ),
    );
    const { code, err, out } = await cli('check', bad);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(
      /bad\.yaml:36:29: error: unknown character 'fin'\n {2}expected: a character id \(rey, finn, phasma, doctor\)\n {2}hint: did you mean 'finn'\?/,
    );
    expect(err).toMatch(/1 error in .*bad\.yaml; nothing was run\.\n$/);
    expect(err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('reports errors as JSON for tools', async () => {
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, '{ "omegaverse": 2 }');
    const { code, out } = await cli('check', bad, '--format', 'json');
    expect(code).toBe(2);
    const report = JSON.parse(out);
    expect(report.ok).toBe(false);
    expect(report.errors).toContainEqual(
      expect.objectContaining({ line: 1, column: 17, message: 'unknown format version 2' }),
    );
  });
});

describe('omegaverse test', () => {
  it('prints one line per expectation, then "N passed, N failed"', async () => {
    const { code, out } = await cli('test', 'scenarios');
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^\d+ passed, 0 failed$/);
    expect(lines.filter((l) => l.startsWith('✓')).length).toBe(Number(lines.at(-1)!.split(' ')[0]));
  });

  it('compares the run with the transcripts kept beside a scenario, in both views', async () => {
    const { out } = await cli('test', 'scenarios/medbay.yaml');
    expect(out).toContain(
      '✓ scenarios/medbay.beats.txt matches the run\n✓ scenarios/medbay.golden.txt matches the run\n',
    );
    const dir = mkdtempSync(join(scratch, 'transcripts-'));
    writeFileSync(join(dir, 'scene.yaml'), readFileSync(join(ROOT, 'scenarios/medbay.yaml'), 'utf8'));
    writeFileSync(
      join(dir, 'scene.beats.txt'),
      readFileSync(join(ROOT, 'scenarios/medbay.beats.txt'), 'utf8').replace(
        'let go of Finn',
        'held on to Finn',
      ),
    );
    const failing = await cli('test', join(dir, 'scene.yaml'), '--format', 'json');
    expect(failing.code).toBe(1);
    const report = JSON.parse(failing.out);
    expect(report.failed).toBe(1);
    expect(report.files[0].transcripts).toEqual([
      {
        file: expect.stringMatching(/scene\.beats\.txt$/),
        passed: false,
        difference: {
          line: 5,
          expected: expect.stringContaining('held on to Finn'),
          got: expect.stringContaining('let go of Finn'),
        },
      },
    ]);
  });

  it('exits 1 and shows what the log held nearest when an expectation fails', async () => {
    const failing = join(scratch, 'failing.yaml');
    writeFileSync(
      failing,
      `${readFileSync(join(ROOT, 'scenarios/medbay.yaml'), 'utf8')}  - { event: restrain, actor: finn, target: rey }\n`,
    );
    const { code, out } = await cli('test', failing);
    expect(code).toBe(1);
    expect(out).toMatch(
      /✗ .*failing\.yaml:\d+ restrain finn→rey — no matching event; nearest: #\d+ 14:05:01 \+0:05:01 restrain rey→finn/,
    );
    expect(out.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 1 failed$/);
  });
});

describe('omegaverse explain', () => {
  it('shows the causal chain behind an event with the numbers that crossed the threshold', async () => {
    const { code, out } = await cli('explain', 'scenarios/medbay.yaml', 'identify:rey:phasma');
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(
      /^#\d+ 14:03:00 \+0:03:00 Rey caught a scent of steel and cedar: Phasma is an omega\. \(dose [\d.]+ ≥ threshold [\d.]+ via air\)$/,
    );
    expect(out).toContain('Phasma took off the sealed helmet, releasing the scent held inside.');
    expect(lines.slice(1).every((l) => /^[ │├└]/.test(l))).toBe(true);
  });

  it('exits 1 when no event matches', async () => {
    const { code, err } = await cli('explain', 'scenarios/medbay.yaml', 'bond:rey');
    expect(code).toBe(1);
    expect(err).toContain("no event matches 'bond:rey'");
  });
});

describe('omegaverse who-knows', () => {
  it('at the start: nobody but the one with a record', async () => {
    const { code, out } = await cli('who-knows', 'scenarios/quarters.yaml', 'ren', '--at', '0:00:00');
    expect(code).toBe(0);
    expect(out).toBe(
      "Who knows Kylo Ren's true representation (omega) at 22:00:00 +0:00:00:\n  Medical Officer — since 22:00:00, record\n",
    );
  });

  it('at the end: the record holder and the alpha, by scent', async () => {
    const { code, out } = await cli('who-knows', 'scenarios/quarters.yaml', 'ren', '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.knowers.map((k: { observer: string; how: string }) => [k.observer, k.how])).toEqual([
      ['medic', 'record'],
      ['hux', 'scent'],
    ]);
  });

  it('names the characters when given an unknown one', async () => {
    const { code, err } = await cli('who-knows', 'scenarios/quarters.yaml', 'kylo');
    expect(code).toBe(2);
    expect(err).toContain("unknown character 'kylo' (characters: ren, hux, mitaka, medic)");
  });
});
