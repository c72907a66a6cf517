/**
 * A short fingerprint of a text, the same on every machine and in browsers (no crypto module): partial
 * results carry the fingerprints of their scenario and canon, so that parts of different runs are
 * never merged. Not a security measure: it tells honest mistakes apart.
 */

/** 64 bits as 16 hex digits: two 32-bit lanes of a multiply–xorshift hash over the UTF-16 code units. */
export function digest(text: string): string {
  let a = 0xdeadbeef;
  let b = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 2654435761);
    b = Math.imul(b ^ code, 1597334677);
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return hex(a) + hex(b);
}

const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
