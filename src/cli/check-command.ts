/** `omegaverse check` validates a scenario; `omegaverse test` runs every expectation and kept transcript. */
import { type Command, Option } from 'commander';
import { World } from '../engine/world.js';
import { checkExpectations, type ExpectationResult } from '../model/expect.js';
import { tellRun } from '../narrate/beats/narrator.js';
import { describeExpectation } from '../narrate/expectation.js';
import { DETAILS, formatLog, formatStory } from '../narrate/format.js';
import { firstDifference, transcriptFile } from '../narrate/transcripts.js';
import { formatScenarioError, loadScenario } from '../scenario/index.js';
import { counted } from '../units/number-words.js';
import { type CommandContext, EXIT_FAILED, EXIT_INVALID, invalid } from './context.js';
import { collectScenarioFiles, readText, readTextIfAny } from './io.js';
import { seedOption } from './options.js';

export function addCheckCommands(program: Command, cx: CommandContext): void {
  const { io, status, colours: c, warn, displayPath } = cx;
  /** A line's leading ✓ in green, ✗ in red. */
  const colorMark = (line: string) =>
    line.startsWith('✓')
      ? c.green('✓') + line.slice(1)
      : line.startsWith('✗')
        ? c.red('✗') + line.slice(1)
        : line;

  program
    .command('check')
    .description('validate a scenario without running it')
    .argument('<file>', 'scenario file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((file: string, opts: { format: 'text' | 'json' }) => {
      const result = loadScenario(readText(file), displayPath(file));
      if (opts.format === 'json') {
        io.stdout(
          `${JSON.stringify(result.ok ? { ok: true, warnings: result.warnings } : { ok: false, errors: result.errors }, null, 2)}\n`,
        );
        if (!result.ok) status.code = EXIT_INVALID;
        return;
      }
      if (!result.ok) throw invalid(result.errors, file);
      warn(result.warnings);
      const d = result.definition;
      io.stdout(
        `${c.green('ok')} ${displayPath(file)}: ${counted(d.characters.length, 'character')}, ${counted(d.places.length, 'place')}, ${counted(d.timeline.length, 'action')}, ${counted(d.expectations.length, 'expectation')}\n`,
      );
    });

  program
    .command('test')
    .description('run every expect: block; one line per expectation, then "N passed, N failed"')
    .argument('[paths...]', 'scenario files or folders', ['scenarios'])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--seed <n>', 'replace each scenario’s seed', seedOption)
    .action((paths: string[], opts: { format: 'text' | 'json'; seed?: number }) => {
      const files = collectScenarioFiles(paths);
      let passed = 0;
      let failed = 0;
      const report: unknown[] = [];
      for (const file of files) {
        const loaded = loadScenario(readText(file), displayPath(file));
        if (!loaded.ok) {
          failed++;
          report.push({ file: displayPath(file), errors: loaded.errors });
          if (opts.format === 'text')
            io.stdout(`${c.red('✗')} ${loaded.errors.map(formatScenarioError).join('\n  ')}\n`);
          continue;
        }
        warn(loaded.warnings);
        const def = loaded.definition;
        const world = World.create(def, opts.seed !== undefined ? { seed: opts.seed } : {});
        // The transcripts kept beside the scenario, by view: the run is compared with each.
        const kept = DETAILS.flatMap((detail) => {
          const path = transcriptFile(file, detail);
          const text = readTextIfAny(path);
          return text === undefined ? [] : [{ detail, path, text }];
        });
        const story = kept.some((k) => k.detail === 'beats') ? tellRun(world) : undefined;
        world.run();
        const results = checkExpectations(def.expectations, world.events);
        for (const r of results) r.passed ? passed++ : failed++;
        const transcripts = kept.map(({ detail, path, text }) => {
          const actual =
            detail === 'full'
              ? formatLog(world.events, world.definition, 'text')
              : formatStory(story!, world.definition, 'text');
          const difference = firstDifference(text, actual);
          difference ? failed++ : passed++;
          return { file: displayPath(path), passed: !difference, ...(difference && { difference }) };
        });
        report.push({
          file: displayPath(file),
          results: results.map((r) => resultJson(r, def.clock)),
          transcripts,
        });
        if (opts.format === 'text') {
          if (!results.length) io.stdout(`${c.dim('-')} ${displayPath(file)}: no expectations\n`);
          for (const r of results) io.stdout(`${colorMark(describeExpectation(r, def.clock))}\n`);
          for (const t of transcripts) {
            const d = t.difference;
            io.stdout(
              `${colorMark(d ? `✗ ${t.file} differs from the run at line ${d.line}:\n  expected: ${d.expected}\n  got:      ${d.got}` : `✓ ${t.file} matches the run`)}\n`,
            );
          }
        }
      }
      if (opts.format === 'json')
        io.stdout(`${JSON.stringify({ passed, failed, files: report }, null, 2)}\n`);
      else io.stdout(`${passed} passed, ${failed} failed\n`);
      if (failed) status.code = EXIT_FAILED;
    });
}

/** An expectation's result as `test --format json` lists it. */
function resultJson(r: ExpectationResult, clock: number) {
  return {
    expectation: r.expectation,
    passed: r.passed,
    matches: r.matches.map((e) => e.id),
    nearest: r.nearest.map((e) => ({
      id: e.id,
      t: e.t,
      type: e.type,
      actor: e.actor,
      target: e.target,
      value: e.value,
    })),
    text: describeExpectation(r, clock),
  };
}
