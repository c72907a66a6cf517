/**
 * Reading a scenario's text as YAML (JSON is YAML too) while keeping track of where every value was
 * written, so that later checks can point at a line and column.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { ErrorDetail, ScenarioError } from './errors.js';

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

export type ParsedText =
  | { ok: true; data: unknown; locator: Locator }
  | { ok: false; errors: ScenarioError[] };

/** Parses `text`; YAML syntax errors and duplicate keys come back as errors with their position. */
export function parseScenarioText(text: string, file: string): ParsedText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const positionOf = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const detail: ErrorDetail =
          e.code === 'DUPLICATE_KEY'
            ? {
                message: `duplicate key '${keyAt(doc, e.pos[0])}'`,
                hint: 'a key may appear once in each map',
              }
            : { message: `YAML syntax error: ${lowerFirst(e.message)}` };
        return { file, ...positionOf(e.pos[0]), ...detail };
      }),
    };
  }
  const locator = createLocator(doc, file, positionOf);
  return { ok: true, data: doc.toJS(), locator };
}

function createLocator(doc: Document, file: string, positionOf: (offset: number) => Position): Locator {
  /** The node at `path`, or the deepest node on the way to it when the rest was not written. */
  const nodeAt = (path: Path): { node: unknown; found: boolean } => {
    let node: unknown = doc.contents;
    for (const segment of path) {
      const child = childOf(node, segment);
      if (child === undefined) return { node, found: false };
      node = child;
    }
    return { node, found: true };
  };

  const childOf = (parent: unknown, segment: string | number): unknown => {
    // An alias stands for the node it names: look inside that one.
    const node = isAlias(parent) ? parent.resolve(doc) : parent;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyMatches(p.key, segment));
      // `key:` with nothing after it has no value node: the key is the closest thing written.
      return pair === undefined ? undefined : (pair.value ?? pair.key);
    }
    if (isSeq(node) && typeof segment === 'number') return node.items[segment] ?? undefined;
    return undefined;
  };

  const start = (node: unknown): Position => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? positionOf(range[0]) : { line: 1, column: 1 };
  };

  const position = (path: Path): Position => start(nodeAt(path).node);

  const keyPosition = (path: Path): Position => {
    const last = path.at(-1);
    const parent = nodeAt(path.slice(0, -1));
    const map = isAlias(parent.node) ? parent.node.resolve(doc) : parent.node;
    if (last !== undefined && parent.found && isMap(map)) {
      const pair = map.items.find((p) => keyMatches(p.key, last));
      if (pair) return start(pair.key);
    }
    return position(path);
  };

  return {
    position,
    at: (path, detail) => ({ file, ...position(path), ...detail }),
    atKey: (path, detail) => ({ file, ...keyPosition(path), ...detail }),
  };
}

/** Keys are compared as text: the data's keys are strings even where the file wrote `1:`. */
const keyMatches = (key: unknown, segment: string | number): boolean =>
  isScalar(key) && String(key.value) === String(segment);

/** The key written at `offset`, as text. */
function keyAt(doc: Document, offset: number): string {
  let key = '';
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        key = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return key;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
