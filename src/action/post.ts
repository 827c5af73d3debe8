/** The post step's logic as `run()`, the `--post` entrypoint of `npx @github/local-action`. */
export { runPost as run } from './post-impl.js';
