/** Resolves after `ms`. Sagas `call` it (instead of `delay`) so tests can provide it away. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
