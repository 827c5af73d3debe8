/** How a checkout runs the CLI (after `npm ci && npm run build`), in reproduce commands. */
export const CLI_COMMAND = 'node dist/cli/index.js';

/** Quotes a shell word only when it needs it (POSIX single quotes). Pure. */
export function shellQuote(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The command line as a person would type it, for messages and reproduce commands. */
export function formatArgv(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}
