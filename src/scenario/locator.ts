/**
 * Where a value was written: paths into the parsed data, turned into lines and columns of the text.
 * The same walk serves every tree the text was parsed into (YAML's nodes, or JSON's offsets).
 */
import type { LineCounter } from 'yaml';
import type { ErrorDetail, ScenarioError } from './errors.js';

/** A scenario's text read as data, with a locator for its positions; or why it cannot be read. */
export type ParsedText =
  | { ok: true; data: unknown; locator: Locator }
  | { ok: false; errors: ScenarioError[] };

/** Keys and list indices leading from the top of the file to a value. */
export type Path = readonly (string | number)[];

export interface Position {
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
}

/** Points into the parsed file. */
export interface Locator {
  /** where the value at `path` was written; for a missing key, where its map starts */
  position(path: Path): Position;
  /** an error at the value at `path` (for a missing key: at its map) */
  at(path: Path, detail: ErrorDetail): ScenarioError;
  /** an error at the key that ends `path`: an unknown or misplaced key is named where the key is */
  atKey(path: Path, detail: ErrorDetail): ScenarioError;
}

/** Offsets as 1-based lines and columns, from the line starts `counter` holds. */
export const positionsOf =
  (counter: LineCounter) =>
  (offset: number): Position => {
    const { line, col } = counter.linePos(offset);
    return { line, column: col };
  };

/** How a locator walks a parsed tree of nodes `N`. */
export interface TreeView<N> {
  root: N;
  /** the node under `node` at a key (keys are compared as text) or a list index; undefined if none */
  child(node: N, segment: string | number): N | undefined;
  /** where the key `segment` of the map `node` starts; undefined if `node` is no map or has no such key */
  keyOffset(node: N, segment: string | number): number | undefined;
  /** where `node` starts in the text; undefined for a node with no place in it */
  offset(node: N): number | undefined;
}

/** A locator over `view`'s tree, with `positionOf` turning offsets into lines and columns. */
export function createLocator<N>(
  view: TreeView<N>,
  file: string,
  positionOf: (offset: number) => Position,
): Locator {
  /** The node at `path`, or the deepest node on the way to it when the rest was not written. */
  const nodeAt = (path: Path): { node: N; found: boolean } => {
    let node = view.root;
    for (const segment of path) {
      const child = view.child(node, segment);
      if (child === undefined) return { node, found: false };
      node = child;
    }
    return { node, found: true };
  };

  const start = (node: N): Position => {
    const offset = view.offset(node);
    return offset === undefined ? { line: 1, column: 1 } : positionOf(offset);
  };

  const position = (path: Path): Position => start(nodeAt(path).node);

  const keyPosition = (path: Path): Position => {
    const last = path.at(-1);
    const parent = nodeAt(path.slice(0, -1));
    const key = last !== undefined && parent.found ? view.keyOffset(parent.node, last) : undefined;
    return key === undefined ? position(path) : positionOf(key);
  };

  return {
    position,
    at: (path, detail) => ({ file, ...position(path), ...detail }),
    atKey: (path, detail) => ({ file, ...keyPosition(path), ...detail }),
  };
}

/** A locator that builds the one `build` returns the first time it is asked, and never if not asked. */
export function lazyLocator(build: () => Locator): Locator {
  let built: Locator | undefined;
  const locator = () => {
    built ??= build();
    return built;
  };
  return {
    position: (path) => locator().position(path),
    at: (path, detail) => locator().at(path, detail),
    atKey: (path, detail) => locator().atKey(path, detail),
  };
}
