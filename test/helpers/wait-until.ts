/** Polling for a condition, bounded, with an error that says what was awaited and what was seen. */

/** How often {@link waitUntil} asks again. */
const POLL_INTERVAL_MS = 100;

/**
 * Asks `condition` until it holds, at most `timeoutMs`; then rejects with what it waited for and, from
 * `lastSeen`, the state it saw last.
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
  lastSeen: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      const seen = lastSeen();
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${seen ? `; ${seen}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
