#!/usr/bin/env node
/**
 * @module
 * The `mde-sim` bin: runs the program built in `main.ts`.
 */
import { createProgram } from './main.ts';

createProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`mde-sim: ${(error as Error).message}\n`);
    process.exit(1);
  });
