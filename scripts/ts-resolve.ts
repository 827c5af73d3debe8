// Loaded with `node --import ./scripts/ts-resolve.ts` by the scripts that import TypeScript sources.
// The sources import each other with `.js` suffixes (as tsc's NodeNext and jest expect); Node's type
// stripping needs the real `.ts` files, so a relative `.js` import maps to the `.ts` file beside it
// when only that one exists.
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
