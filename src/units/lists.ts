/** Small list helpers the layers share: a search in an ascending list, and lists gathered by key. */

/** Where ascending `list` holds `value`, or −1: a bisection (a plume, a reach or a place's occupants can name hundreds). */
export function sortedIndex(list: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = list[mid]!;
    if (at === value) return mid;
    if (at < value) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** Whether ascending `list` holds `value`. */
export const sortedHas = (list: ArrayLike<number>, value: number): boolean => sortedIndex(list, value) >= 0;

/** Adds `item` to the list `lists` keeps under `key`, starting the list if there is none. */
export function appendTo<K, T>(lists: Map<K, T[]>, key: K, item: T): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}
