/*
 * The latest answer of a slow upstream read (every Alertmanager's alert list: megabytes to fetch,
 * parse and merge at 10,000 alerts), kept so that page loads do not wait for it:
 *   - concurrent callers share one read (a read under way is never doubled, however slow), and
 *     an answer whose read started within `sharedForMs` is reused;
 *   - `latest()` serves the last answer while it is younger than `maxAgeMs` (bounded staleness),
 *     and starts a new read in the background once it is older than `refreshAfterMs`;
 *   - a failed read drops the answer it would have replaced, so an outage is not hidden by an
 *     old list; `invalidate()` (after a change such as a new silence) makes the next caller wait
 *     for a read that started after the change.
 */

export interface Snapshot<T> {
  value: T;
  /** When the read that produced it started (ms since the epoch): the data is at least this recent. */
  at: number;
}

export interface ServedSnapshot<T> extends Snapshot<T> {
  /** A newer read is under way: asking again shortly gets a fresher answer. */
  refreshing: boolean;
}

export interface SnapshotStoreOptions<T> {
  read: () => Promise<T>;
  sharedForMs: number;
  refreshAfterMs: number;
  maxAgeMs: number;
  now?: () => number;
}

export interface SnapshotStore<T> {
  /** A read of the upstream, shared with any started within `sharedForMs` unless `fresh`. */
  read(options?: { fresh?: boolean }): Promise<Snapshot<T>>;
  /** The last answer when it is recent enough, else a read's; see the module comment. */
  latest(): Promise<ServedSnapshot<T>>;
  /**
   * An answer read after `at` (a `latest()` answer's `at` that said `refreshing`): the kept one if
   * newer, else that of the read under way, else of a new read. Never says `refreshing`, so a
   * client follows a refreshing answer with one such request, not a loop.
   */
  newerThan(at: number): Promise<ServedSnapshot<T>>;
  /** Forgets the last answer and any read started before now. */
  invalidate(): void;
}

export function createSnapshotStore<T>(options: SnapshotStoreOptions<T>): SnapshotStore<T> {
  const clock = options.now ?? Date.now;
  let latest: Snapshot<T> | undefined;
  let shared: { promise: Promise<Snapshot<T>>; at: number } | undefined;
  const inFlight = new Set<Promise<Snapshot<T>>>();
  let generation = 0;

  function read({ fresh = false }: { fresh?: boolean } = {}): Promise<Snapshot<T>> {
    const now = clock();
    // A read under way is always shared, however long it takes: a slow upstream must not pile up reads.
    if (shared && !fresh && (inFlight.has(shared.promise) || now - shared.at <= options.sharedForMs)) return shared.promise;
    const at = now;
    const started = generation;
    const promise = options.read().then(
      (value) => {
        inFlight.delete(promise);
        const snapshot = { value, at };
        if (started === generation && (!latest || at >= latest.at)) latest = snapshot;
        return snapshot;
      },
      (error: unknown) => {
        inFlight.delete(promise);
        // Newer news than the answer kept: the upstream is failing now.
        if (started === generation && (!latest || at >= latest.at)) latest = undefined;
        // A failure is not shared beyond the callers already waiting for it.
        if (shared?.promise === promise) shared = undefined;
        throw error;
      },
    );
    inFlight.add(promise);
    shared = { promise, at };
    return promise;
  }

  return {
    read,
    async latest() {
      const kept = latest;
      const now = clock();
      if (kept && now - kept.at <= options.maxAgeMs) {
        if (now - kept.at > options.refreshAfterMs) read().catch(() => undefined);
        return { ...kept, refreshing: inFlight.size > 0 };
      }
      const snapshot = await read();
      return { ...snapshot, refreshing: false };
    },
    async newerThan(after) {
      if (latest && latest.at > after) return { ...latest, refreshing: false };
      const snapshot = await (shared && shared.at > after ? shared.promise : read({ fresh: true }));
      return { ...snapshot, refreshing: false };
    },
    invalidate() {
      generation += 1;
      latest = undefined;
      shared = undefined;
    },
  };
}
