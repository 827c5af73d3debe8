// Starts the cluster simulator (test/kube-sim) from the command line: `npm run kube-sim -- --help`.
// Run with `node --import ./scripts/ts-resolve.ts` (the npm script does) so `.js` imports find `.ts` files.

const { runCli } = await import('../test/kube-sim/cli.js');
process.exit(await runCli(process.argv.slice(2)));
