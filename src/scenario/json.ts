/**
 * JSON scenarios the fast way: `JSON.parse` for the data, one pass over the text for what YAML would
 * reject and `JSON.parse` lets through (a key written twice, a reserved or empty key, nesting deeper
 * than `MAX_DEPTH`), and the positions of values found only when an error or a warning asks for one.
 * Whatever this way cannot vouch for goes to the YAML reading (JSON is YAML 1.2), which places its
 * errors exactly as it would any file's.
 */
import { LineCounter } from 'yaml';
import { reservedName } from '../shape/wording.js';
import {
  createLocator,
  lazyLocator,
  type ParsedText,
  type Position,
  positionsOf,
  type TreeView,
} from './locator.js';
import { MAX_DEPTH } from './tree.js';

/**
 * The scenario in `text`, if it is JSON (a `.json` file, or text that starts with `{`) whose data the
 * YAML reading would give too and accept; otherwise undefined, to be read as YAML.
 */
export function parseJson(text: string, file: string): ParsedText | undefined {
  if (!file.endsWith('.json') && !/^\s*\{/.test(text)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!scan(text, false)) return undefined;
  return {
    ok: true,
    data,
    locator: lazyLocator(() => createLocator(jsonView(text), file, lineColumn(text))),
  };
}

/** A value's place in the text: where it starts, and for a map or a list, where its parts are. */
interface JsonNode {
  offset: number;
  /** a map's entries by key: where the key starts, and its value */
  entries?: Map<string, { key: number; value: JsonNode }>;
  items?: JsonNode[];
}

function jsonView(text: string): TreeView<JsonNode> {
  return {
    root: scan(text, true)!,
    child: (node, segment) =>
      node.entries
        ? node.entries.get(String(segment))?.value
        : typeof segment === 'number'
          ? node.items?.[segment]
          : undefined,
    keyOffset: (node, segment) => node.entries?.get(String(segment))?.key,
    offset: (node) => node.offset,
  };
}

/** A map or list being read: its node (when positions are kept), its keys so far, the key just read. */
interface Open {
  node: JsonNode;
  isMap: boolean;
  keys: Set<string>;
  key: { name: string; offset: number } | undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const CARRIAGE_RETURN = 0x0d;
const LINE_FEED = 0x0a;
/** Where a number, `true`, `false` or `null` ends. */
const ENDS_LITERAL = /[\s,\]}]/g;

/**
 * Walks `text`, which `JSON.parse` has accepted, without recursion. Returns undefined where the YAML
 * reading must judge: a key written twice, empty or reserved, lists and maps nested more than
 * `MAX_DEPTH` deep (as `tooDeep` counts), or a carriage return alone (YAML does not read it as a line
 * break). Otherwise returns the root's node, with every value's offset when `keep` is set (for
 * positions), or a bare node when not (a check only).
 */
function scan(text: string, keep: boolean): JsonNode | undefined {
  const stack: Open[] = [];
  let root: JsonNode | undefined;
  /** Puts a value read at `offset` in the map or list that holds it. */
  const place = (node: JsonNode) => {
    const open = stack.at(-1);
    if (!open) root = node;
    else if (!keep) open.key = undefined;
    else if (open.isMap) {
      open.node.entries!.set(open.key!.name, { key: open.key!.offset, value: node });
      open.key = undefined;
    } else open.node.items!.push(node);
  };
  const bare: JsonNode = { offset: 0 };
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === CARRIAGE_RETURN && text.charCodeAt(i + 1) !== LINE_FEED) return undefined;
    if (c === 0x20 || c === 0x09 || c === LINE_FEED || c === CARRIAGE_RETURN || c === 0x2c || c === 0x3a) {
      i++;
    } else if (c === 0x7b || c === 0x5b) {
      // { or [
      if (stack.length === MAX_DEPTH) return undefined;
      const isMap = c === 0x7b;
      const node: JsonNode = keep ? { offset: i, ...(isMap ? { entries: new Map() } : { items: [] }) } : bare;
      place(node);
      stack.push({ node, isMap, keys: new Set(), key: undefined });
      i++;
    } else if (c === 0x7d || c === 0x5d) {
      // } or ]
      stack.pop();
      i++;
    } else if (c === QUOTE) {
      let end = i + 1;
      let escaped = false;
      for (let d = text.charCodeAt(end); d !== QUOTE; d = text.charCodeAt(++end)) {
        if (d === BACKSLASH) {
          escaped = true;
          end++;
        }
      }
      const open = stack.at(-1);
      if (open?.isMap && open.key === undefined) {
        const name = escaped ? (JSON.parse(text.slice(i, end + 1)) as string) : text.slice(i + 1, end);
        if (name === '' || open.keys.has(name) || reservedName(name)) return undefined;
        open.keys.add(name);
        open.key = { name, offset: i };
      } else place(keep ? { offset: i } : bare);
      i = end + 1;
    } else {
      ENDS_LITERAL.lastIndex = i;
      const end = ENDS_LITERAL.exec(text)?.index ?? text.length;
      place(keep ? { offset: i } : bare);
      i = end;
    }
  }
  return root;
}

/** Offsets as lines and columns, lines starting after each line feed (as YAML's own reading counts them). */
function lineColumn(text: string): (offset: number) => Position {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) counter.addNewLine(at + 1);
  return positionsOf(counter);
}
