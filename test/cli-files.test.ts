/**
 * The command line's files, against a hostile file system: reading only regular files and only so
 * much, walking folders without links or installed packages, writing atomically without replacing
 * what a path names (a link, a FIFO, a device) or loosening a private file's mode.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectScenarioFiles, MAX_INPUT_BYTES, readText, writeAtomic } from '../src/cli/io.js';
import { cli } from './cli-harness.js';
import { ROOT } from './helpers.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'omegaverse-files-'));
const mkfifo = (path: string) => {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo ${path} failed`);
  return path;
};
const MEDBAY = readFileSync(join(ROOT, 'scenarios/medbay.yaml'), 'utf8');

describe('reading a file', () => {
  it.each([
    ['/dev/zero', 'a character device'],
    ['scenarios', 'a folder'],
  ])('refuses %s (%s) at once', async (file, kind) => {
    const { code, out, err } = await cli('run', file);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`error: cannot read ${file}: it is ${kind}, not a regular file\n`);
  });

  it('refuses a FIFO instead of waiting for a writer', async () => {
    const fifo = mkfifo(join(scratch(), 'scene.yaml'));
    const { code, err } = await cli('check', fifo);
    expect(code).toBe(2);
    expect(err).toBe(`error: cannot read ${fifo}: it is a FIFO (named pipe), not a regular file\n`);
  });

  it(`refuses a file larger than ${MAX_INPUT_BYTES / 2 ** 20} MB without reading it`, async () => {
    const big = join(scratch(), 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, MAX_INPUT_BYTES + 1);
    const { code, err } = await cli('check', big);
    expect(code).toBe(2);
    expect(err).toBe(
      `error: cannot read ${big}: it is larger than 256 MB, the most a command reads from a file\n`,
    );
  });

  it('reads up to its limit and no further', () => {
    const file = join(scratch(), 'ten.txt');
    writeFileSync(file, '0123456789');
    expect(readText(file, 10)).toBe('0123456789');
    expect(() => readText(file, 9)).toThrow('larger than');
  });

  it('follows a link to a regular file', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'real.yaml'), MEDBAY);
    symlinkSync(join(dir, 'real.yaml'), join(dir, 'link.yaml'));
    expect((await cli('check', join(dir, 'link.yaml'))).code).toBe(0);
  });
});

describe('walking a folder for scenarios', () => {
  /** A tree with every trap: a link loop, a link out, a link back in, a FIFO, installed packages, a dot-folder. */
  function hostileTree() {
    const base = scratch();
    const tree = join(base, 'tree');
    mkdirSync(join(tree, 'sub'), { recursive: true });
    mkdirSync(join(tree, 'node_modules', 'pkg'), { recursive: true });
    mkdirSync(join(tree, '.cache'));
    mkdirSync(join(base, 'elsewhere'));
    writeFileSync(join(tree, 'a.yaml'), MEDBAY);
    writeFileSync(join(tree, 'sub', 'b.yml'), MEDBAY);
    writeFileSync(join(tree, 'notes.txt'), 'not a scenario');
    writeFileSync(join(tree, 'node_modules', 'pkg', 'package.json'), '{"name":"pkg"}');
    writeFileSync(join(tree, '.cache', 'c.yaml'), MEDBAY);
    writeFileSync(join(base, 'elsewhere', 'd.yaml'), MEDBAY);
    symlinkSync(tree, join(tree, 'loop'));
    symlinkSync(join(base, 'elsewhere'), join(tree, 'out'));
    symlinkSync(join(tree, 'a.yaml'), join(tree, 'again.yaml'));
    symlinkSync(join(tree, 'self.yaml'), join(tree, 'self.yaml'));
    mkfifo(join(tree, 'pipe.yaml'));
    return tree;
  }

  it('takes only regular scenario files, follows no link, and skips node_modules and dot-folders', () => {
    const tree = hostileTree();
    expect(collectScenarioFiles([tree])).toEqual([join(tree, 'a.yaml'), join(tree, 'sub', 'b.yml')]);
  });

  it('takes a file or folder reached twice once', () => {
    const tree = hostileTree();
    expect(collectScenarioFiles([tree, join(tree, 'sub'), join(tree, 'again.yaml')])).toEqual([
      join(tree, 'a.yaml'),
      join(tree, 'sub', 'b.yml'),
    ]);
  });

  it('omegaverse test runs through such a tree and ends', async () => {
    const tree = hostileTree();
    const { code, out, err } = await cli('test', tree);
    expect(err).toBe('');
    expect(code).toBe(0);
    // medbay's 21 expectations, in a.yaml and sub/b.yml only
    expect(out).toMatch(/\n42 passed, 0 failed\n$/);
    expect(new Set(out.match(/[\w/.-]+\.ya?ml(?=:)/g))).toEqual(
      new Set([join(tree, 'a.yaml'), join(tree, 'sub', 'b.yml')]),
    );
  });
});

describe('writing --out', () => {
  it('replaces a file atomically and keeps its mode (a private file stays private)', () => {
    const file = join(scratch(), 'private.txt');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    writeAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it.skipIf(process.getuid?.() !== 0)('as root, keeps the owner and group of the file it replaces', () => {
    const file = join(scratch(), 'theirs.txt');
    writeFileSync(file, 'old');
    chownSync(file, 4321, 4322);
    writeAtomic(file, 'new');
    expect(statSync(file)).toMatchObject({ uid: 4321, gid: 4322 });
  });

  it('writes through a link to its target, and the link stays', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'links'));
    writeFileSync(join(dir, 'target.md'), 'old');
    symlinkSync('../target.md', join(dir, 'links', 'out.md'));
    symlinkSync(join(dir, 'links', 'out.md'), join(dir, 'chain.md'));
    symlinkSync(join(dir, 'absent.md'), join(dir, 'dangling.md'));
    writeAtomic(join(dir, 'chain.md'), 'through two links');
    writeAtomic(join(dir, 'dangling.md'), 'made');
    expect(readFileSync(join(dir, 'target.md'), 'utf8')).toBe('through two links');
    expect(readFileSync(join(dir, 'absent.md'), 'utf8')).toBe('made');
    for (const link of ['links/out.md', 'chain.md', 'dangling.md'])
      expect(lstatSync(join(dir, link)).isSymbolicLink(), link).toBe(true);
  });

  it('writes into a FIFO, which stays a FIFO', async () => {
    const fifo = mkfifo(join(scratch(), 'out.pipe'));
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => {
      read += chunk.toString('utf8');
    });
    const done = new Promise((end) => reader.on('close', end));
    try {
      writeAtomic(fifo, 'through the pipe\n');
      await Promise.race([
        done,
        new Promise((_, fail) => setTimeout(() => fail(new Error('no reader got it')), 5000)),
      ]);
    } finally {
      reader.kill();
    }
    expect(read).toBe('through the pipe\n');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it.skipIf(process.getuid?.() !== 0)(
    'writes into a character device (a null device), which stays one',
    () => {
      const device = join(scratch(), 'null');
      expect(spawnSync('mknod', [device, 'c', '1', '3']).status).toBe(0);
      writeAtomic(device, 'gone');
      expect(lstatSync(device).isCharacterDevice()).toBe(true);
    },
  );

  it('refuses a folder and a loop of links, with the path', () => {
    const dir = scratch();
    symlinkSync(join(dir, 'b'), join(dir, 'a'));
    symlinkSync(join(dir, 'a'), join(dir, 'b'));
    expect(() => writeAtomic(dir, 'x')).toThrow(`cannot write ${dir}: it is a folder`);
    expect(() => writeAtomic(join(dir, 'a'), 'x')).toThrow(
      `cannot write ${join(dir, 'a')}: too many levels of links`,
    );
  });

  it('run --out through a link writes the target and keeps the link and the mode', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'story.md'), 'old');
    chmodSync(join(dir, 'story.md'), 0o640);
    symlinkSync(join(dir, 'story.md'), join(dir, 'latest.md'));
    const { code } = await cli(
      'run',
      'scenarios/medbay.yaml',
      '--format',
      'md',
      '--out',
      join(dir, 'latest.md'),
    );
    expect(code).toBe(0);
    expect(lstatSync(join(dir, 'latest.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'story.md'), 'utf8')).toMatch(/^# Medbay\n/);
    expect(statSync(join(dir, 'story.md')).mode & 0o777).toBe(0o640);
  });
});
