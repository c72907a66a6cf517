/**
 * What the page keeps: the author's edits, one text per scenario name, in this browser's
 * localStorage, and the last scene picked. Nothing is sent anywhere. Storage may be unavailable
 * (private windows, file:// in some browsers, a full quota): then edits simply are not kept.
 */

const PREFIX = 'omegaverse-sandbox:';
const sceneKey = (name: string) => `${PREFIX}scenario:${name}`;
const LAST = `${PREFIX}last-scene`;

function store(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function get(key: string): string | undefined {
  try {
    return store()?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function set(key: string, value: string): boolean {
  try {
    store()?.setItem(key, value);
    return store() !== undefined;
  } catch {
    return false;
  }
}

function remove(key: string): void {
  try {
    store()?.removeItem(key);
  } catch {
    // nothing kept, nothing to remove
  }
}

/** The author's edited text of a scenario, if any is kept. */
export const loadEdits = (name: string): string | undefined => get(sceneKey(name));

/** Keeps the edited text; false when this browser keeps nothing. */
export const saveEdits = (name: string, text: string): boolean => set(sceneKey(name), text);

/** Forgets the edits of a scenario (back to the bundled text). */
export const clearEdits = (name: string): void => remove(sceneKey(name));

export const lastScene = (): string | undefined => get(LAST);

export const rememberScene = (name: string): void => {
  set(LAST, name);
};

/** Offers `text` as a file download, made in the page: a Blob and an `a[download]`, no network. */
export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
