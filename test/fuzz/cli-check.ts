/**
 * A case through the command line, as a user runs it: `omegaverse check FILE --format json`, then,
 * for a file that checks and ends within the budget, `omegaverse run FILE --format jsonl`. What must
 * hold: an exit code the command line documents (0, 1 or 2; never 70, an internal error), and no
 * stack trace or internal error on either stream.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/program.js';
import { loadScenario } from '../../src/index.js';
import { BUDGET, type Case, describeError, type Finding } from './invariants.js';

const STACK = /\n\s+at .+:\d+:\d+/;

/** Whether the file loads and ends within the budget (a load that throws is the other checks' finding). */
function runsWithin(text: string, file: string): boolean {
  try {
    const loaded = loadScenario(text, file);
    return loaded.ok && loaded.definition.until <= BUDGET.simulated;
  } catch {
    return false;
  }
}

export async function checkCli(c: Case): Promise<Finding[]> {
  const dir = mkdtempSync(join(tmpdir(), 'omegaverse-fuzz-'));
  const file = join(dir, 'fuzz.yaml');
  const findings: Finding[] = [];
  try {
    writeFileSync(file, c.text);
    const commands = [['check', file, '--format', 'json']];
    if (runsWithin(c.text, file)) commands.push(['run', file, '--format', 'jsonl']);
    for (const args of commands) {
      let out = '';
      let err = '';
      const code = await main(['node', 'omegaverse', ...args], {
        stdout: (t) => {
          out += t;
        },
        stderr: (t) => {
          err += t;
        },
        color: false,
      });
      const what = `omegaverse ${args[0]}`;
      if (![0, 1, 2].includes(code))
        findings.push({ invariant: 'cli', message: `${what} exited ${code}: ${err.slice(0, 200)}` });
      else if (/internal error/i.test(out + err) || STACK.test(out + err))
        findings.push({
          invariant: 'cli',
          message: `${what} printed an internal error: ${err.slice(0, 200)}`,
        });
    }
  } catch (error) {
    findings.push({ invariant: 'cli', message: `the command line threw: ${describeError(error)}` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return findings;
}
