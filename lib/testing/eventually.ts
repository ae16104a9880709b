/**
 * Retries `check` until it stops throwing or `timeoutMs` passes, then rethrows its last error:
 * for tests waiting on scrapes, rule evaluation or gossip between real services.
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000, intervalMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
