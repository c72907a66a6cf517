/**
 * Reading a scenario's text as YAML (JSON is YAML too) while keeping track of where every value was
 * written, so that later checks can point at a line and column.
 */
import {
  Composer,
  type CST,
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Pair,
  Parser,
  type YAMLError,
  type YAMLMap,
  YAMLParseError,
} from 'yaml';
import { quote } from '../shape/wording.js';
import type { ErrorDetail, ScenarioError } from './errors.js';
import { type TreeError, tooDeep, treeErrors } from './tree.js';

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

/**
 * How every scenario is read, whatever its `%YAML` line says: YAML 1.2's core schema (no `<<` merge
 * keys, `y` is text), no custom tags. Duplicate keys are found in `treeErrors` (the parser's own check
 * is quadratic in a map's size), and aliases are bounded there, so the library's own alias limit
 * (which throws, with no position) is off.
 */
const YAML_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  resolveKnownTags: false,
  uniqueKeys: false,
  logLevel: 'error',
} as const;

/** Parses `text`; YAML syntax errors and what `tree.ts` rejects come back as errors with their position. */
export function parseScenarioText(text: string, file: string): ParsedText {
  const lineCounter = new LineCounter();
  const positionOf = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const failed = (errors: TreeError[]): ParsedText => ({
    ok: false,
    errors: errors.map(({ offset, ...detail }) => ({ file, ...positionOf(offset), ...detail })),
  });
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const deep = tooDeep(tokens);
  if (deep) return failed([deep]);
  const doc = composeOne(tokens, text.length);
  const yamlErrors = [...doc.errors, ...doc.warnings].map(
    (e): TreeError => ({ offset: e.pos[0], ...yamlErrorDetail(e) }),
  );
  const version = tokens.find(
    (t): t is CST.Directive =>
      t.type === 'directive' && /^%YAML\s/.test(t.source) && !/\s1\.2\b/.test(t.source),
  );
  if (version)
    yamlErrors.push({
      offset: version.offset,
      message: `${version.source.trim().slice(0, 20)}: scenarios are read as YAML 1.2`,
      hint: 'remove this line: YAML 1.1 reads y, n, on and off as true and false, and merges << keys',
    });
  if (yamlErrors.length) return failed(yamlErrors);
  const treeProblems = treeErrors(doc, text);
  if (treeProblems.length) return failed(treeProblems);
  const locator = createLocator(doc, file, positionOf);
  return { ok: true, data: doc.toJS({ maxAliasCount: -1 }), locator };
}

/** The document `tokens` hold; a second one is an error in the first. */
function composeOne(tokens: CST.Token[], length: number): Document.Parsed {
  const docs = [...new Composer(YAML_OPTIONS).compose(tokens, true, length)];
  const doc = docs[0]!;
  if (docs.length > 1)
    doc.errors.push(
      new YAMLParseError(
        docs[1]!.range.slice(0, 2) as [number, number],
        'MULTIPLE_DOCS',
        'a file holds one document',
      ),
    );
  return doc;
}

function yamlErrorDetail(e: YAMLError): ErrorDetail {
  const tag = /^Unresolved tag: (.*)$/.exec(e.message)?.[1];
  if (e.code === 'TAG_RESOLVE_FAILED' && tag !== undefined)
    return {
      message: `unknown tag ${quote(tag.replace(/^tag:yaml\.org,2002:/, '!!'))}`,
      hint: 'remove the tag: a scenario is plain YAML 1.2 (its tags are !!str, !!int, !!float, !!bool, !!null, !!map and !!seq)',
    };
  return { message: `YAML syntax error: ${lowerFirst(e.message)}` };
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

  /** Each map's pairs by key text, made the first time the map is asked: errors in a large map stay linear. */
  const pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, segment: string | number): Pair | undefined => {
    let pairs = pairsByKey.get(map);
    if (!pairs) {
      pairs = new Map();
      for (const pair of map.items as Pair[])
        if (isScalar(pair.key) && !pairs.has(String(pair.key.value))) pairs.set(String(pair.key.value), pair);
      pairsByKey.set(map, pairs);
    }
    // Keys are compared as text: the data's keys are strings even where the file wrote `1:`.
    return pairs.get(String(segment));
  };

  const childOf = (parent: unknown, segment: string | number): unknown => {
    // An alias stands for the node it names: look inside that one.
    const node = isAlias(parent) ? parent.resolve(doc) : parent;
    if (isMap(node)) {
      const pair = pairOf(node, segment);
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
      const pair = pairOf(map, last);
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

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
