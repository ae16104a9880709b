import { describe, expect, it } from "vitest";
import { createSnapshotStore } from "./snapshot";

/** A store over a fake upstream whose reads the test settles one by one, on a fake clock. */
function harness() {
  let time = 1_000_000;
  const reads: Array<{ resolve: (value: number) => void; reject: (error: Error) => void }> = [];
  let answer = 0;
  const store = createSnapshotStore<number>({
    read: () =>
      new Promise<number>((resolve, reject) => {
        reads.push({ resolve, reject });
      }),
    sharedForMs: 2_000,
    refreshAfterMs: 5_000,
    maxAgeMs: 30_000,
    now: () => time,
  });
  return {
    store,
    reads,
    advance: (ms: number) => {
      time += ms;
    },
    /** Settles the oldest unsettled read with the next answer (1, 2, ...). */
    settle: async () => {
      const read = reads.shift();
      if (!read) throw new Error("no read in flight");
      answer += 1;
      read.resolve(answer);
      await Promise.resolve();
      await Promise.resolve();
    },
    fail: async (message: string) => {
      reads.shift()?.reject(new Error(message));
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

describe("createSnapshotStore", () => {
  it("makes concurrent first callers wait for one shared read", async () => {
    const { store, reads, settle } = harness();
    const first = store.latest();
    const second = store.latest();
    expect(reads).toHaveLength(1);
    await settle();
    await expect(first).resolves.toMatchObject({ value: 1, refreshing: false });
    await expect(second).resolves.toMatchObject({ value: 1, refreshing: false });
  });

  it("serves a recent answer at once, and refreshes it in the background once it is older than refreshAfterMs", async () => {
    const { store, reads, settle, advance } = harness();
    const first = store.latest();
    await settle();
    await first;
    advance(4_000);
    await expect(store.latest()).resolves.toMatchObject({ value: 1, refreshing: false });
    expect(reads).toHaveLength(0);
    advance(2_000);
    await expect(store.latest()).resolves.toMatchObject({ value: 1, refreshing: true });
    // Further callers share the background read instead of starting their own.
    await expect(store.latest()).resolves.toMatchObject({ value: 1, refreshing: true });
    expect(reads).toHaveLength(1);
    await settle();
    await expect(store.latest()).resolves.toMatchObject({ value: 2, refreshing: false });
  });

  it("does not serve an answer older than maxAgeMs: callers wait for a new read", async () => {
    const { store, reads, settle, advance } = harness();
    const first = store.latest();
    await settle();
    await first;
    advance(30_001);
    let served: number | undefined;
    const next = store.latest().then((snapshot) => {
      served = snapshot.value;
    });
    await Promise.resolve();
    expect(served).toBeUndefined();
    expect(reads).toHaveLength(1);
    await settle();
    await next;
    expect(served).toBe(2);
  });

  it("drops the kept answer when a newer read fails, so an outage is not hidden by an old list", async () => {
    const { store, settle, fail, advance } = harness();
    const first = store.latest();
    await settle();
    await first;
    advance(6_000);
    await store.latest();
    await fail("connection refused");
    const next = store.latest();
    await fail("connection refused");
    await expect(next).rejects.toThrow("connection refused");
  });

  it("after invalidate(), waits for a read started after the change, ignoring one started before", async () => {
    const { store, reads, settle, advance } = harness();
    const first = store.latest();
    await settle();
    await first;
    advance(6_000);
    await store.latest(); // starts a background read (2) before the change
    store.invalidate();
    const after = store.latest(); // must not be served 1, nor 2
    expect(reads).toHaveLength(2);
    await settle(); // the read from before the change answers 2: not kept
    await settle(); // the read after the change answers 3
    await expect(after).resolves.toMatchObject({ value: 3 });
    await expect(store.latest()).resolves.toMatchObject({ value: 3 });
  });

  it("shares reads started within sharedForMs unless asked for a fresh one", async () => {
    const { store, reads, settle } = harness();
    const a = store.read();
    const b = store.read();
    expect(reads).toHaveLength(1);
    const c = store.read({ fresh: true });
    expect(reads).toHaveLength(2);
    await settle();
    await settle();
    expect((await a).value).toBe(1);
    expect((await b).value).toBe(1);
    expect((await c).value).toBe(2);
  });

  it("answers newerThan() with the read under way, a newer kept answer, or a new read", async () => {
    const { store, reads, settle, advance } = harness();
    const first = store.latest();
    await settle();
    const { at } = await first;
    advance(6_000);
    const refreshing = await store.latest();
    expect(refreshing).toMatchObject({ value: 1, refreshing: true });
    advance(3_000); // past sharedForMs: the read under way is still the one to wait for
    const newer = store.newerThan(refreshing.at);
    expect(reads).toHaveLength(1);
    await settle();
    await expect(newer).resolves.toMatchObject({ value: 2, refreshing: false });
    await expect(store.newerThan(at)).resolves.toMatchObject({ value: 2, refreshing: false });
    expect(reads).toHaveLength(0);
    const again = store.newerThan((await newer).at);
    expect(reads).toHaveLength(1);
    await settle();
    await expect(again).resolves.toMatchObject({ value: 3 });
  });

  it("never starts a second read while one is under way, however long it takes", async () => {
    const { store, reads, settle, advance } = harness();
    const first = store.latest();
    advance(20_000);
    const second = store.latest();
    const third = store.read();
    expect(reads).toHaveLength(1);
    await settle();
    expect((await first).value).toBe(1);
    expect((await second).value).toBe(1);
    expect((await third).value).toBe(1);
  });
});
