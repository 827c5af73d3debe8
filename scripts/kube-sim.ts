// Starts the cluster simulator (test/kube-sim) from the command line: `npm run kube-sim -- --help`.
// The simulator's sources import each other with `.js` suffixes (so jest and tsc take them as they are);
// Node's type stripping needs the real `.ts` files, so this script maps a relative `.js` import to the
// `.ts` file beside it when only that one exists.
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      const tsUrl = new URL(`${specifier.slice(0, -'.js'.length)}.ts`, context.parentURL);
      if (!existsSync(new URL(specifier, context.parentURL)) && existsSync(fileURLToPath(tsUrl))) {
        return nextResolve(tsUrl.href, context);
      }
    }
    return nextResolve(specifier, context);
  },
});

const { runCli } = await import('../test/kube-sim/cli.js');
process.exit(await runCli(process.argv.slice(2)));
