/**
 * What a scenario's YAML may not do, found in its syntax tree before any of it becomes data: nest
 * deeper than `MAX_DEPTH`, bring in more than `MAX_ALIAS_VALUES` values through aliases (a "billion
 * laughs"), write a key twice, or use a key that is not a plain name (empty, a list or map, or one of
 * the names JavaScript objects reserve). Each is found without recursion, so no input can exhaust
 * the stack, and in time linear in the file.
 */
import type { CST, Document } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import { quote, reservedName, shorten } from '../shape/wording.js';
import type { ErrorDetail } from './errors.js';

/** The deepest nesting of lists and maps a file may write (the format itself needs 6). */
export const MAX_DEPTH = 64;

/** The most values aliases may bring in, counted as if each alias were written out in full. */
export const MAX_ALIAS_VALUES = 100_000;

/** An error at an offset in the text. */
export interface TreeError extends ErrorDetail {
  offset: number;
}

/**
 * The first list or map nested deeper than `MAX_DEPTH`, in the parser's tokens (the composer that
 * turns them into a tree recurses, so this is asked before it runs).
 */
export function tooDeep(tokens: readonly CST.Token[]): TreeError | undefined {
  let first: number | undefined;
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  while (stack.length) {
    const [token, depth] = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth === MAX_DEPTH) {
        first = Math.min(first ?? token.offset, token.offset);
        continue;
      }
      for (const item of token.items as CST.CollectionItem[]) {
        if (item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return first === undefined
    ? undefined
    : {
        offset: first,
        message: `lists and maps nested more than ${MAX_DEPTH} deep`,
        hint: `a scenario needs a few levels: flatten this value (the limit is ${MAX_DEPTH})`,
      };
}

const offsetOf = (node: unknown): number => (node as { range?: [number] } | null)?.range?.[0] ?? 0;

/**
 * The keys that are not plain names, the keys written twice, and the alias that brings in too much,
 * in the composed tree (at most `MAX_DEPTH` deep, checked first).
 */
export function treeErrors(doc: Document, text: string): TreeError[] {
  const errors: TreeError[] = [];
  /** values each anchored node stands for, aliases inside it counted in full; by anchor, the latest */
  const anchored = new Map<string, number>();
  const size = new Map<unknown, number>();
  let brought = 0;
  let exhausted = false;

  const checkKeys = (map: { items: { key: unknown }[] }) => {
    const seen = new Set<string>();
    for (const { key } of map.items) {
      if (isScalar(key) && (key.value === null || key.value === '')) {
        // An empty key starts where its line does: point past the indentation, at the colon.
        const blank = /[ \t]*/y;
        blank.lastIndex = offsetOf(key);
        blank.test(text);
        errors.push({
          offset: blank.lastIndex,
          message: 'a key with no name',
          hint: 'write a name before the colon, as in name: value',
        });
      } else if (isScalar(key)) {
        const name = String(key.value);
        const reserved = reservedName(name);
        if (reserved) errors.push({ offset: offsetOf(key), ...reserved });
        else if (seen.has(name))
          errors.push({
            offset: offsetOf(key),
            message: `duplicate key ${quote(name)}`,
            hint: 'a key may appear once in each map',
          });
        seen.add(name);
      } else if (!isAlias(key)) {
        errors.push({
          offset: offsetOf(key),
          message: 'a key that is a list or a map',
          hint: 'keys are names: write name: value, not ? [a, b]: value',
        });
      } else {
        errors.push({
          offset: offsetOf(key),
          message: `an alias as a key (*${key.source})`,
          hint: 'write the key out as a name',
        });
      }
    }
  };

  // Post-order without recursion: a node's size is known once its children's are, and an alias
  // names an anchor written before it, whose size is known by then.
  const stack: [unknown, boolean][] = [[doc.contents, false]];
  while (stack.length) {
    const [node, done] = stack.pop()!;
    if (node === null || node === undefined) continue;
    const children: unknown[] = isMap(node)
      ? node.items.flatMap((p) => [p.key, p.value])
      : isSeq(node)
        ? node.items
        : isPair(node)
          ? [node.key, node.value]
          : [];
    if (!done) {
      if (isMap(node)) checkKeys(node);
      stack.push([node, true]);
      // Reversed, so that they come off the stack in file order.
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], false]);
      continue;
    }
    let own = 1;
    if (isAlias(node)) {
      // Anchors are read in file order: one written later (or the one the alias sits in) is unknown.
      if (!anchored.has(node.source))
        errors.push({
          offset: offsetOf(node),
          message: `the alias *${shorten(node.source)} names no anchor written before it`,
          hint: `write &${shorten(node.source)} on a value before the alias, or write the value out`,
        });
      own = anchored.get(node.source) ?? 1;
      brought += own;
      if (brought > MAX_ALIAS_VALUES && !exhausted) {
        exhausted = true;
        errors.push({
          offset: offsetOf(node),
          message: `aliases bring in more than ${MAX_ALIAS_VALUES.toLocaleString('en-US')} values`,
          hint: 'write the values out, or alias less: nested aliases multiply (a "billion laughs")',
        });
      }
    } else for (const child of children) if (child != null) own += size.get(child) ?? 1;
    // A scalar counts 1: only what holds more is kept, to keep this pass light on a large file.
    if (own > 1) size.set(node, own);
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor !== undefined) anchored.set(anchor, own);
  }
  return errors;
}
