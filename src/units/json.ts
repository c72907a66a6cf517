/** A deep copy through JSON: snapshots are JSON, so copying through it also keeps them honest. */
export function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
