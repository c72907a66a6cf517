/**
 * Worker threads whose script sits beside the running module: the compiled JavaScript of dist/ when
 * installed; the TypeScript sources in development and tests, loaded through tsx (a development
 * dependency), which each thread registers for itself since a worker does not inherit the loader.
 */
import { Worker } from 'node:worker_threads';

/** The script `name` (without extension) beside `module` (an `import.meta.url`), in the same language. */
export function besideModule(name: string, module: string): URL {
  return new URL(`./${name}${module.endsWith('.ts') ? '.ts' : '.js'}`, module);
}

export function startWorker(script: URL, workerData: unknown): Worker {
  if (!script.pathname.endsWith('.ts')) return new Worker(script, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
