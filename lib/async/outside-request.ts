import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Long-lived resources (a pooled Postgres connection: its socket, its connection-timeout timer)
 * must not be created inside a request.
 *
 * Node copies every AsyncLocalStorage store of the code that creates an async resource onto
 * that resource, and keeps it for the resource's life. A pg socket opened while a page renders
 * therefore holds that render's stores (Next's work stores, React Flight's request) for as long
 * as the pool keeps the connection — under steady use, forever. That alone would pin one render
 * per connection, but a finished React Flight request reaches other renders: its cacheController
 * was aborted with an Error whose unformatted stack (CallSiteInfo) holds the Immediate it ran in,
 * and Node leaves run Immediates linked to their neighbours (_idlePrev/_idleNext), each carrying
 * another render's stores. One such socket kept every overview render alive (~30 KB each).
 *
 * `outsideRequest(fn)` runs `fn` in the async context captured by `captureRootContext()` at
 * start-up (instrumentation.ts), where no request's store is set; before that capture, or
 * outside the server (CLI, tests), it just runs `fn`.
 */
type Runner = ReturnType<typeof AsyncLocalStorage.snapshot>;

const rootKey = Symbol.for("vigil.rootAsyncContext");

function holder(): typeof globalThis & { [rootKey]?: Runner } {
  // On globalThis: Next.js may evaluate this module once per bundle; the capture must be shared.
  return globalThis;
}

/** Remembers the current async context as the one outside every request. Call at start-up, once. */
export function captureRootContext(): void {
  holder()[rootKey] ??= AsyncLocalStorage.snapshot();
}

/** Runs `fn` outside any request's async context (see above), so what it creates holds no request. */
export function outsideRequest<R>(fn: () => R): R {
  const run = holder()[rootKey];
  return run ? run(fn) : fn();
}
