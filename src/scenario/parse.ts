/**
 * Reading a scenario's text as YAML (JSON is YAML too) while keeping track of where every value was
 * written, so that later checks can point at a line and column. Text that is JSON takes the faster
 * way of `json.ts` first.
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
import type { ErrorDetail } from './errors.js';
import { parseJson } from './json.js';
import { createLocator, type ParsedText, positionsOf, type TreeView } from './locator.js';
import { type TreeError, tooDeep, treeErrors } from './tree.js';

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

/**
 * Parses `text`; YAML syntax errors and what `tree.ts` rejects come back as errors with their position.
 * JSON is read by `JSON.parse` when it can be; whatever that way cannot vouch for is read as YAML.
 */
export function parseScenarioText(text: string, file: string): ParsedText {
  return parseJson(text, file) ?? parseYaml(text, file);
}

/** Parses `text` as YAML, the way that finds and places every error. */
export function parseYaml(text: string, file: string): ParsedText {
  const lineCounter = new LineCounter();
  const positionOf = positionsOf(lineCounter);
  const failed = (errors: TreeError[]): ParsedText => ({
    ok: false,
    errors: errors.map(({ offset, ...detail }) => ({ file, ...positionOf(offset), ...detail })),
  });
  const composed = composeText(text, lineCounter.addNewLine);
  if ('tooDeep' in composed) return failed([composed.tooDeep]);
  const { doc, errors } = composed;
  if (errors.length) return failed(errors);
  const treeProblems = treeErrors(doc, text);
  if (treeProblems.length) return failed(treeProblems);
  const locator = createLocator(yamlView(doc), file, positionOf);
  return { ok: true, data: doc.toJS({ maxAliasCount: -1 }), locator };
}

/**
 * The document `text` holds, with the syntax errors found on the way; or the first list or map
 * nested too deep to compose. The syntax tree, the largest thing made, is let go on return.
 */
function composeText(
  text: string,
  onNewLine: (offset: number) => void,
): { tooDeep: TreeError } | { doc: Document.Parsed; errors: TreeError[] } {
  const tokens = [...new Parser(onNewLine).parse(text)];
  const deep = tooDeep(tokens);
  if (deep) return { tooDeep: deep };
  const docs = [...new Composer(YAML_OPTIONS).compose(tokens, true, text.length)];
  const doc = docs[0]!;
  // A second document is an error in the first.
  if (docs.length > 1)
    doc.errors.push(
      new YAMLParseError(
        docs[1]!.range.slice(0, 2) as [number, number],
        'MULTIPLE_DOCS',
        'a file holds one document',
      ),
    );
  const errors = [...doc.errors, ...doc.warnings].map(
    (e): TreeError => ({ offset: e.pos[0], ...yamlErrorDetail(e) }),
  );
  const version = tokens.find(
    (t): t is CST.Directive =>
      t.type === 'directive' && /^%YAML\s/.test(t.source) && !/\s1\.2\b/.test(t.source),
  );
  if (version)
    errors.push({
      offset: version.offset,
      message: `${version.source.trim().slice(0, 20)}: scenarios are read as YAML 1.2`,
      hint: 'remove this line: YAML 1.1 reads y, n, on and off as true and false, and merges << keys',
    });
  return { doc, errors };
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

/** The composed document as a locator walks it: an alias stands for the node it names. */
function yamlView(doc: Document): TreeView<unknown> {
  const resolved = (node: unknown) => (isAlias(node) ? node.resolve(doc) : node);
  /** Each map's pairs by key text, made the first time the map is asked: errors in a large map stay linear. */
  const pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (node: unknown, segment: string | number): Pair | undefined => {
    const map = resolved(node);
    if (!isMap(map)) return undefined;
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
  const offset = (node: unknown) => (node as { range?: [number, number, number] } | null)?.range?.[0];
  return {
    root: doc.contents,
    child: (parent, segment) => {
      const node = resolved(parent);
      if (isMap(node)) {
        const pair = pairOf(node, segment);
        // `key:` with nothing after it has no value node: the key is the closest thing written.
        return pair === undefined ? undefined : (pair.value ?? pair.key);
      }
      if (isSeq(node) && typeof segment === 'number') return node.items[segment] ?? undefined;
      return undefined;
    },
    keyOffset: (node, segment) => {
      const key = pairOf(node, segment)?.key;
      return key === undefined ? undefined : offset(key);
    },
    offset,
  };
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
