import net from "node:net";

/** Resolves true when nothing listens on 127.0.0.1:port. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/** A port the OS reports free on loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1", exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

/** The preferred port when it is free (so demo URLs stay familiar), otherwise any free one. */
export async function preferredPort(preferred: number, taken: ReadonlySet<number> = new Set()): Promise<number> {
  if (!taken.has(preferred) && (await isPortFree(preferred))) return preferred;
  for (;;) {
    const port = await freePort();
    if (!taken.has(port)) return port;
  }
}
