import { readFileSync } from "node:fs";
import net from "node:net";

/*
 * Test doubles for the `fetch` the upstream clients take: they record every request so tests
 * can assert the exact URL, method and body, and answer with responses recorded from real
 * servers (see lib/prometheus/fixtures/RECORDING.md).
 */

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface FakeFetch {
  fetch: typeof fetch;
  requests: RecordedRequest[];
}

/** A fetch that records each request and answers with whatever `answer` returns for it. */
export function fakeFetch(answer: (request: RecordedRequest) => Response | Promise<Response>): FakeFetch {
  const requests: RecordedRequest[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const request: RecordedRequest = {
      method: init?.method ?? "GET",
      url,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: typeof init?.body === "string" ? init.body : undefined,
    };
    requests.push(request);
    init?.signal?.throwIfAborted();
    return answer(request);
  };
  return { fetch: fetchImpl, requests };
}

/** A fetch that never answers; it rejects only when the request's signal aborts. */
export function neverAnsweringFetch(): FakeFetch {
  const requests: RecordedRequest[] = [];
  const fetchImpl: typeof fetch = (input, init) => {
    requests.push({
      method: init?.method ?? "GET",
      url: typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
      headers: {},
      body: undefined,
    });
    return new Promise<Response>((_, reject) => {
      const signal = init?.signal;
      if (!signal) return;
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
  };
  return { fetch: fetchImpl, requests };
}

interface FixtureMeta {
  status: number;
  contentType: string;
}

/**
 * Serves recorded fixtures from one directory: the body as recorded, with the status and
 * content type the server answered with (from the directory's index.json).
 */
export function fixtureServer(directory: URL) {
  const index = new Map<string, FixtureMeta>();
  const raw: unknown = JSON.parse(readFileSync(new URL("index.json", directory), "utf8"));
  if (typeof raw === "object" && raw !== null) {
    for (const [name, meta] of Object.entries(raw)) {
      if (typeof meta === "object" && meta !== null && "status" in meta && typeof meta.status === "number") {
        const contentType = "contentType" in meta && typeof meta.contentType === "string" ? meta.contentType : "";
        index.set(name, { status: meta.status, contentType });
      }
    }
  }
  return {
    /** The recorded body as text. */
    text(name: string): string {
      return readFileSync(new URL(name, directory), "utf8");
    },
    /** The recorded body parsed as JSON. */
    json(name: string): unknown {
      return JSON.parse(readFileSync(new URL(name, directory), "utf8"));
    },
    /** A Response as the server sent it. */
    response(name: string): Response {
      const meta = index.get(name);
      if (!meta) throw new Error(`${name} is not in ${new URL("index.json", directory).pathname}`);
      const headers = meta.contentType ? { "content-type": meta.contentType } : undefined;
      return new Response(readFileSync(new URL(name, directory), "utf8"), { status: meta.status, headers });
    },
  };
}

/** A loopback port with nothing listening on it, for "connection refused". */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
