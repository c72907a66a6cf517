/** `omegaverse sandbox`: the web sandbox, served on this machine only. */
import type { Command } from 'commander';
import type { CommandContext } from './context.js';
import { readText, UserError } from './io.js';
import { wholeNumber } from './options.js';
import { startSandbox } from './sandbox.js';

export function addSandboxCommand(program: Command, { io }: CommandContext): void {
  program
    .command('sandbox')
    .description('serve the web sandbox on 127.0.0.1: edit a scenario, play it, see the scent, ask why')
    .argument('[file]', 'a scenario to open (default: the bundled medbay scene)')
    .option('--port <n>', 'port on 127.0.0.1, 0 to 65535 (default 0: any free port)', wholeNumber(0, 65535))
    .action(async (file: string | undefined, opts: { port?: number }) => {
      if (file) readText(file);
      let sandbox: Awaited<ReturnType<typeof startSandbox>>;
      try {
        sandbox = await startSandbox({
          ...(file && { scenario: file }),
          ...(opts.port !== undefined && { port: opts.port }),
        });
      } catch (error) {
        throw new UserError((error as Error).message);
      }
      io.stdout(
        `omegaverse sandbox: ${sandbox.url}\nOpen it in a browser; Ctrl-C stops it. Nothing leaves this machine.\n`,
      );
      await new Promise(() => {});
    });
}
