#!/usr/bin/env node
/**
 * @module
 * The `mde-sim` bin: a guard any Node can parse. It checks the Node version, then loads the real program
 * (`main.ts`) with a dynamic import, so an old Node gets one clear line instead of a crash.
 */
import { checkNodeVersion, enableCompileCache } from '../../client/required-node.ts';

if (checkNodeVersion('mde-sim')) {
  enableCompileCache();
  import('./main.ts').then((program) => program.main(process.argv));
}
