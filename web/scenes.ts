/**
 * The scenes bundled with the engine, as text: the page's starting documents. (The same script runs
 * the engine's worker, where there is no page to read: nothing here reads it on loading.)
 */
import datapad from '../scenarios/datapad.yaml?raw';
import medbay from '../scenarios/medbay.yaml?raw';
import medbayVeteran from '../scenarios/medbay-veteran.yaml?raw';
import quarters from '../scenarios/quarters.yaml?raw';

export interface BundledScene {
  /** the file name, also the key its edits are kept under */
  name: string;
  /** what the picker says */
  label: string;
  text: string;
}

/** A scenario the sandbox server was started with (`omegaverse sandbox FILE`), written into the page. */
function givenScene(): BundledScene | undefined {
  const block = document.getElementById('omegaverse-scenario');
  if (!block?.textContent) return undefined;
  try {
    const { name, text } = JSON.parse(block.textContent) as { name: string; text: string };
    return { name, label: `Your file — ${name}`, text };
  } catch {
    return undefined;
  }
}

let scenes: readonly BundledScene[] | undefined;

/** The scenes the picker offers: the given file first, if any. (Read from the page when first asked.) */
export function bundledScenes(): readonly BundledScene[] {
  scenes ??= [
    ...[givenScene()].filter((s) => s !== undefined),
    { name: 'medbay.yaml', label: 'Medbay — the captured captain', text: medbay },
    { name: 'medbay-veteran.yaml', label: 'Medbay, veteran — a composed alpha', text: medbayVeteran },
    { name: 'quarters.yaml', label: 'Quarters — the masked commander', text: quarters },
    { name: 'datapad.yaml', label: 'Datapad — leave and the roster', text: datapad },
  ];
  return scenes;
}

/** The scene opened first when none was opened before. */
export const defaultScene = (): BundledScene => bundledScenes()[0]!;

export function sceneNamed(name: string): BundledScene | undefined {
  return bundledScenes().find((s) => s.name === name);
}
