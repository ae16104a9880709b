import { AsyncLocalStorage } from "node:async_hooks";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureRootContext, outsideRequest } from "./outside-request";

const request = new AsyncLocalStorage<{ id: number }>();

describe("outsideRequest", () => {
  captureRootContext();

  it("runs without the caller's stores, and so do the callbacks of what it creates", async () => {
    const seen = await request.run({ id: 1 }, () =>
      outsideRequest(() => {
        const inside = request.getStore();
        return new Promise<Array<{ id: number } | undefined>>((resolve) => setTimeout(() => resolve([inside, request.getStore()]), 1));
      }),
    );
    expect(seen).toEqual([undefined, undefined]);
  });

  it("leaves the caller's context as it was", () => {
    request.run({ id: 2 }, () => {
      expect(outsideRequest(() => 42)).toBe(42);
      expect(request.getStore()).toEqual({ id: 2 });
    });
  });
});

describe("a socket connected outsideRequest", () => {
  let server: net.Server;
  let port = 0;
  beforeAll(async () => {
    server = net.createServer((socket) => socket.end("hello"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    port = typeof address === "object" && address ? address.port : 0;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function storeInDataCallback(socket: net.Socket, detached: boolean): Promise<{ id: number } | undefined> {
    return request.run({ id: 3 }, () => {
      if (detached) outsideRequest(() => socket.connect(port, "127.0.0.1"));
      else socket.connect(port, "127.0.0.1");
      return new Promise((resolve) => socket.once("data", () => (socket.destroy(), resolve(request.getStore()))));
    });
  }

  it("connects, and its socket's callbacks do not run in the request that opened it", async () => {
    expect(await storeInDataCallback(new net.Socket(), true)).toBeUndefined();
  });

  it("where a plain socket's would (what the pooled Postgres sockets did)", async () => {
    expect(await storeInDataCallback(new net.Socket(), false)).toEqual({ id: 3 });
  });
});
