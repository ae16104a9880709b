import type { ApiErrorBody } from "@/lib/errors";

/** An error answer from our own API, carrying the message the server wrote for people. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: ApiErrorBody | undefined,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === "object" && value !== null && "error" in value && typeof value.error === "string";
}

/**
 * GETs one of the console's own API routes. Their answers are typed by the route handlers
 * that produce them (same repository, same build), so the body is trusted as T.
 */
export async function fetchJson<T>(url: string, signal?: AbortSignal, acceptStatus: number[] = [], { plain = false }: { plain?: boolean } = {}): Promise<T> {
  let response: Response;
  try {
    // `plain`: no headers of our own, so the request can be served by a <link rel="preload" as="fetch">.
    response = await fetch(url, plain ? { signal } : { signal, headers: { accept: "application/json" } });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError("The console's server did not answer. Is it running?", 0, undefined);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 401 && typeof window !== "undefined" && !window.location.pathname.startsWith("/sign-in")) {
    // The session ended (expired, revoked, signed out elsewhere): go and sign in again.
    window.location.assign(new URL("/sign-in", window.location.origin).href);
  }
  if (!response.ok && !acceptStatus.includes(response.status)) {
    const message = isErrorBody(body) ? body.error : `The console answered ${response.status} ${response.statusText}`;
    throw new ApiError(message, response.status, isErrorBody(body) ? body : undefined);
  }
  return body as T;
}
