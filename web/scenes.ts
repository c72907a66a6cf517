/** The scenes bundled with the engine, as text: the page's starting documents. */
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

const given = givenScene();

export const SCENES: readonly BundledScene[] = [
  ...(given ? [given] : []),
  { name: 'medbay.yaml', label: 'Medbay — the captured captain', text: medbay },
  { name: 'medbay-veteran.yaml', label: 'Medbay, veteran — a composed alpha', text: medbayVeteran },
  { name: 'quarters.yaml', label: 'Quarters — the masked commander', text: quarters },
  { name: 'datapad.yaml', label: 'Datapad — leave and the roster', text: datapad },
];

export const DEFAULT_SCENE = SCENES[0]!;

export function sceneNamed(name: string): BundledScene | undefined {
  return SCENES.find((s) => s.name === name);
}
