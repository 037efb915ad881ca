#!/usr/bin/env node
/**
 * @module
 * The `mde` bin: runs the CLI built in `main.ts`.
 */
import { runCli } from './main.ts';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort(new Error('interrupted (SIGINT)')));
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
});
process.exitCode = code;
