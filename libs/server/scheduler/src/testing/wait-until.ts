import { setTimeout as sleep } from 'node:timers/promises';

/** Polls until the condition holds or fails the test after timeoutMs (tests use this, never fixed sleeps). */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 5_000, stepMs = 20, what = 'condition' } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(stepMs);
  }
}
