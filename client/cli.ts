#!/usr/bin/env node
/**
 * @module
 * The `mde` bin: a guard any Node can parse. It checks the Node version, then loads the real CLI
 * (`main.ts`) with a dynamic import, so an old Node gets one clear line instead of a crash.
 */
import { checkNodeVersion, enableCompileCache } from './required-node.ts';

if (checkNodeVersion('mde')) {
  enableCompileCache();
  import('./main.ts').then((cli) => cli.main(process.argv));
}
