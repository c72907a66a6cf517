#!/usr/bin/env node
/** Entry point of the `omegaverse` command. */
import { main } from './program.js';

// A reader that stops early (`omegaverse run | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv);
