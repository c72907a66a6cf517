/** `omegaverse generate crew`: a crew of any size as a scenario file, written atomically or printed. */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { PRESET_NAMES } from '../canon/index.js';
import {
  CREW_FORMATS,
  type CrewFormat,
  GenerateError,
  generateCrew,
  MAX_DAYS,
  MAX_SIZE,
  SETTINGS,
} from '../generate/index.js';
import type { Scalar } from '../model/definition.js';
import type { CommandContext } from './context.js';
import { UserError } from './io.js';
import { seedOption, wholeNumber } from './options.js';

/** `--set population.omegaShare=0.2`, read as the scenario would read the value. */
function assignment(written: string, previous: Record<string, Scalar> = {}): Record<string, Scalar> {
  const equals = written.indexOf('=');
  if (equals < 1) throw new InvalidArgumentError('expected PATH=VALUE, e.g. population.omegaShare=0.2');
  const text = written.slice(equals + 1).trim();
  const value = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)
    ? Number(text)
    : text === 'true' || text === 'false'
      ? text === 'true'
      : text;
  return { ...previous, [written.slice(0, equals).trim()]: value };
}

export function addGenerateCommand(program: Command, cx: CommandContext): void {
  program
    .command('generate')
    .description('write a generated scenario')
    .command('crew')
    .description(
      'a ship’s or station’s crew as a scenario: ratios from the canon’s population, cabins, stations, cycles, relations, routines and a roster',
    )
    .option('--size <n>', `how many people aboard (1 to ${MAX_SIZE}, required)`, wholeNumber(1, MAX_SIZE))
    .addOption(
      new Option('--preset <name>', 'the canon whose population numbers to follow')
        .choices(PRESET_NAMES)
        .default('seeds'),
    )
    .option('--seed <n>', 'the same seed gives the same file, 0 to 2³² − 1 (default 1)', seedOption)
    .option('--families', 'some of the crew live aboard as families (population.familyShare)')
    .option('--with-minors', 'families may have children under 18 (implies --families); the age rule holds')
    .addOption(new Option('--setting <kind>', 'a ship or a station').choices([...SETTINGS]).default('ship'))
    .option(
      '--days <n>',
      `days of routine in the timeline (1 to ${MAX_DAYS}, default 1)`,
      wholeNumber(1, MAX_DAYS),
    )
    .option(
      '--set <path=value>',
      'override a canon parameter for this crew, e.g. population.omegaShare=0.2 (repeatable)',
      assignment,
    )
    .addOption(
      new Option(
        '--format <format>',
        'YAML (commented, to read and edit) or JSON (loads fast: for large crews)',
      )
        .choices([...CREW_FORMATS])
        .default('yaml'),
    )
    .option('-o, --out <file>', 'write the scenario to a file (atomically) instead of the terminal')
    .action(
      (opts: {
        size?: number;
        preset: 'seeds' | 'classic';
        seed?: number;
        families?: boolean;
        withMinors?: boolean;
        setting: 'ship' | 'station';
        days?: number;
        set?: Record<string, Scalar>;
        format: CrewFormat;
        out?: string;
      }) => {
        if (opts.size === undefined)
          throw new UserError('missing --size <n>: how many people aboard (e.g. --size 200)');
        let text: string;
        try {
          text = generateCrew(
            {
              size: opts.size,
              preset: opts.preset,
              ...(opts.seed !== undefined && { seed: opts.seed }),
              families: opts.families ?? false,
              withMinors: opts.withMinors ?? false,
              setting: opts.setting,
              ...(opts.days !== undefined && { days: opts.days }),
              overrides: opts.set ?? {},
            },
            opts.format,
          );
        } catch (error) {
          if (error instanceof GenerateError)
            throw new UserError(error.hint ? `${error.message}\n  hint: ${error.hint}` : error.message);
          throw error;
        }
        cx.emit(text, opts.out);
        if (opts.out)
          cx.io.stdout(
            `wrote ${cx.displayPath(opts.out)} (a crew of ${opts.size}; omegaverse check accepts it)\n`,
          );
      },
    );
}
