/** File input and output for the command line: clear errors, atomic writes. */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A failure the user can act on: printed as one message, never as a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
    /** the message already carries its own `error:` labels (scenario errors) */
    readonly labelled = false,
  ) {
    super(message);
  }
}

export const SCENARIO_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** The bundled scenarios, beside `src/` (and `dist/`) in the package. */
export const BUNDLED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');
export const DEFAULT_SCENARIO = join(BUNDLED_DIR, 'medbay.yaml');

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unreadable');
    throw new UserError(`cannot read ${file}: ${why}`);
  }
}

/** A file's text, or `undefined` if there is no such file. */
export function readTextIfAny(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return readText(file);
  }
}

/** Writes a whole file or nothing: a temporary file beside it, then a rename. */
export function writeAtomic(file: string, text: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UserError(`cannot write ${file}: ${(error as Error).message}`);
  }
}

/** Scenario files named directly or found (recursively, sorted) in the named folders. */
export function collectScenarioFiles(paths: string[]): string[] {
  const out: string[] = [];
  const visit = (path: string, named: boolean) => {
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(path);
    } catch {
      throw new UserError(`cannot read ${path}: no such file or folder`);
    }
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (!entry.startsWith('.')) visit(join(path, entry), false);
      }
    } else if (named || SCENARIO_EXTENSIONS.includes(extname(path))) out.push(path);
  };
  for (const path of paths) visit(path, true);
  return out;
}
