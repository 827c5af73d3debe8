/** The main step's logic as `run()`, the entrypoint `npx @github/local-action` expects. */
export { runMain as run } from './main-impl.js';
