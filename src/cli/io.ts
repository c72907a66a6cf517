/** File input and output for the command line: clear errors, atomic writes. */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeFileSync,
} from 'node:fs';
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

/**
 * The most a command reads from one file. Enough for the largest crew `generate crew` writes (5,000
 * people over 30 days: 214 MB) and far below what would exhaust memory: a huge file is refused, not
 * read until the machine runs out.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

const MB = 1024 * 1024;

/** What a path names, in words, when it is not a regular file. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function cannotRead(file: string, error: unknown): UserError {
  if (error instanceof UserError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unreadable');
  return new UserError(`cannot read ${file}: ${why}`);
}

/**
 * A regular file's text, read up to `limit` bytes and no further. Anything else (a FIFO, a device such
 * as /dev/zero, a folder) is refused before it is opened, so that nothing blocks or reads forever; the
 * open is non-blocking in case the path is swapped for a FIFO in between, and checked again.
 */
export function readText(file: string, limit = MAX_INPUT_BYTES): string {
  let fd: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile())
      throw new UserError(`cannot read ${file}: it is ${kindOf(stats)}, not a regular file`);
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw cannotRead(file, error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile())
      throw new UserError(`cannot read ${file}: it is ${kindOf(stats)}, not a regular file`);
    const tooBig = () =>
      new UserError(
        `cannot read ${file}: it is larger than ${limit / MB} MB, the most a command reads from a file`,
      );
    if (stats.size > limit) throw tooBig();
    // Read to the end, however the size changes meanwhile, but never past the limit.
    const buffer = Buffer.alloc(Math.min(stats.size, limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) throw tooBig();
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    throw cannotRead(file, error);
  } finally {
    closeSync(fd);
  }
}

/** A file's text, or `undefined` if there is no such file. */
export function readTextIfAny(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  return readText(file);
}

const isLink = (path: string): boolean => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};

/** Where writing to `file` lands: the end of its chain of links (which may not exist yet). */
function linkTarget(file: string): string {
  let path = file;
  for (let hops = 0; hops < 40; hops++) {
    if (!isLink(path)) return path;
    path = resolve(dirname(path), readlinkSync(path));
  }
  throw new UserError(`cannot write ${file}: too many levels of links`);
}

/**
 * Gives the replacement the replaced file's owner and group, as far as this user may (root may give
 * any; others only their own groups): a file written as root for someone else stays theirs.
 */
function keepOwner(path: string, stats: Stats): void {
  if (stats.uid === process.getuid?.() && stats.gid === process.getgid?.()) return;
  try {
    chownSync(path, stats.uid, stats.gid);
  } catch {
    // Not permitted: the file becomes this user's, as any new file would.
  }
}

/**
 * Writes a whole file or nothing: a temporary file beside it, then a rename. A link is written
 * through to its target (the link stays), a file keeps its mode (a private file stays private), and
 * a FIFO or a character device (/dev/null, a terminal) is written to as it is, never replaced.
 */
export function writeAtomic(file: string, text: string): void {
  const target = linkTarget(file);
  let stats: Stats | undefined;
  try {
    stats = statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new UserError(`cannot write ${file}: ${(error as Error).message}`);
  }
  if (stats && (stats.isFIFO() || stats.isCharacterDevice())) {
    try {
      writeFileSync(target, text);
    } catch (error) {
      throw new UserError(`cannot write ${file}: ${(error as Error).message}`);
    }
    return;
  }
  if (stats && !stats.isFile()) throw new UserError(`cannot write ${file}: it is ${kindOf(stats)}`);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    // Created no more open than the file it replaces (the umask only takes away), then given its mode.
    writeFileSync(temporary, text, { flag: 'wx', ...(stats && { mode: stats.mode & 0o777 }) });
    if (stats) {
      keepOwner(temporary, stats); // before chmod: a change of owner clears set-id bits
      chmodSync(temporary, stats.mode & 0o7777);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UserError(`cannot write ${file}: ${(error as Error).message}`);
  }
}

/** Folders a walk never enters, besides dot-folders (.git): installed packages are not scenarios. */
const SKIPPED_FOLDERS = new Set(['node_modules']);

/**
 * Scenario files named directly or found (recursively, sorted) in the named folders. A walk takes only
 * regular files with a scenario extension and follows no link (a link out of the tree, or back into
 * it, could loop or leave it); a file or folder reached twice, by its real path, is taken once.
 */
export function collectScenarioFiles(paths: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (folder: string, real: string) => {
    if (seen.has(real)) return;
    seen.add(real);
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      // The entry's own type (lstat's): a link is neither a folder nor a file here.
      if (entry.isDirectory()) walk(join(folder, entry.name), join(real, entry.name));
      else if (entry.isFile() && SCENARIO_EXTENSIONS.includes(extname(entry.name))) {
        take(join(folder, entry.name), join(real, entry.name));
      }
    }
  };
  const take = (path: string, real: string) => {
    if (seen.has(real)) return;
    seen.add(real);
    out.push(path);
  };
  for (const path of paths) {
    let real: string;
    try {
      real = realpathSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UserError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file or folder' : code}`);
    }
    // A path named on the command line is followed, link or not; reading it refuses what is not a file.
    if (statSync(real).isDirectory()) walk(path, real);
    else take(path, real);
  }
  return out;
}
