/**
 * A small Chrome DevTools Protocol client for a Node process's inspector, for benchmarks that
 * read the console's memory from outside: force a full garbage collection, read
 * process.memoryUsage(), write a heap snapshot. Node 20 has no WebSocket client without a flag,
 * so this speaks the few parts of RFC 6455 the inspector needs (text frames, masking, fragments).
 *
 * The inspector is opened in a running process with SIGUSR1 (Node listens on 127.0.0.1:9229).
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { Duplex } from "node:stream";
import { z } from "zod";

const targetList = z.array(z.object({ webSocketDebuggerUrl: z.string() }));
const message = z.object({
  id: z.number().optional(),
  method: z.string().optional(),
  params: z.unknown().optional(),
  result: z.unknown().optional(),
  error: z.object({ message: z.string() }).optional(),
});

export interface MemoryUsage {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

const memoryUsage = z.object({ rss: z.number(), heapTotal: z.number(), heapUsed: z.number(), external: z.number(), arrayBuffers: z.number() });

export interface Inspector {
  /** Sends one CDP command and resolves with its result. */
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  /** Calls `listener` for each event of that name. */
  on(method: string, listener: (params: unknown) => void): void;
  /** Stops calling `listener` for events of that name. */
  off(method: string, listener: (params: unknown) => void): void;
  /** A full, compacting garbage collection (HeapProfiler.collectGarbage), then process.memoryUsage(). */
  memoryAfterGc(): Promise<MemoryUsage>;
  /** process.memoryUsage() as it is, without collecting. */
  memory(): Promise<MemoryUsage>;
  close(): void;
}

function frame(payload: Buffer, opcode: number): Buffer {
  const mask = randomBytes(4);
  const length = payload.length;
  const header = length < 126 ? Buffer.alloc(2) : length < 65_536 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  if (length < 126) header[1] = 0x80 | length;
  else if (length < 65_536) {
    header[1] = 0x80 | 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  const masked = Buffer.alloc(length);
  for (let index = 0; index < length; index += 1) masked[index] = (payload[index] ?? 0) ^ (mask[index % 4] ?? 0);
  return Buffer.concat([header, mask, masked]);
}

/** Reads unmasked server frames from a socket, joining fragments, and hands each text message on. */
function readFrames(socket: Duplex, onText: (text: string) => void): void {
  let buffer = Buffer.alloc(0);
  let fragments: Buffer[] = [];
  socket.on("data", (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (buffer.length < 2) return;
      const first = buffer[0] ?? 0;
      const second = buffer[1] ?? 0;
      let length = second & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) return;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) return;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (buffer.length < offset + length) return;
      const payload = buffer.subarray(offset, offset + length);
      buffer = buffer.subarray(offset + length);
      const opcode = first & 0x0f;
      if (opcode === 0x8) {
        socket.end();
        return;
      }
      if (opcode === 0x9) {
        socket.write(frame(payload, 0xa));
        continue;
      }
      if (opcode === 0x1 || opcode === 0x0) {
        fragments.push(Buffer.from(payload));
        if (first & 0x80) {
          onText(Buffer.concat(fragments).toString("utf8"));
          fragments = [];
        }
      }
    }
  });
}

function upgrade(url: string): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const request = http.request(url.replace(/^ws:/, "http:"), {
      headers: { Connection: "Upgrade", Upgrade: "websocket", "Sec-WebSocket-Key": randomBytes(16).toString("base64"), "Sec-WebSocket-Version": "13" },
    });
    request.once("upgrade", (_response, socket) => resolve(socket));
    request.once("response", (response) => reject(new Error(`the inspector refused the WebSocket upgrade: ${response.statusCode}`)));
    request.once("error", reject);
    request.end();
  });
}

async function waitForInspector(port: number, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/json/list`);
      const [first] = targetList.parse(await response.json());
      if (first) return first.webSocketDebuggerUrl;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`no inspector on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Opens the inspector of process `pid` (SIGUSR1) and connects to it. Fails when port 9229 is
 * taken by another process, which the caller should treat as "no heap figures this run".
 */
export async function inspectProcess(pid: number, port = 9229): Promise<Inspector> {
  process.kill(pid, "SIGUSR1");
  const socket = await upgrade(await waitForInspector(port, 10_000));
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Map<string, Array<(params: unknown) => void>>();
  readFrames(socket, (text) => {
    const parsed = message.parse(JSON.parse(text));
    if (parsed.id !== undefined) {
      const waiting = pending.get(parsed.id);
      pending.delete(parsed.id);
      if (parsed.error) waiting?.reject(new Error(parsed.error.message));
      else waiting?.resolve(parsed.result);
    } else if (parsed.method) {
      for (const listener of listeners.get(parsed.method) ?? []) listener(parsed.params);
    }
  });
  socket.on("close", () => {
    for (const waiting of pending.values()) waiting.reject(new Error("the inspector closed the connection"));
    pending.clear();
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId;
      nextId += 1;
      pending.set(id, { resolve, reject });
      socket.write(frame(Buffer.from(JSON.stringify({ id, method, params })), 0x1));
    });
  const memory = async () => {
    const result = z
      .object({ result: z.object({ value: z.string() }) })
      .parse(await send("Runtime.evaluate", { expression: "JSON.stringify(process.memoryUsage())", returnByValue: true }));
    return memoryUsage.parse(JSON.parse(result.result.value));
  };
  return {
    send,
    on(method, listener) {
      listeners.set(method, [...(listeners.get(method) ?? []), listener]);
    },
    off(method, listener) {
      listeners.set(method, (listeners.get(method) ?? []).filter((each) => each !== listener));
    },
    memory,
    async memoryAfterGc() {
      // Twice: the first pass runs finalizers whose objects the second one frees.
      await send("HeapProfiler.collectGarbage");
      await send("HeapProfiler.collectGarbage");
      return memory();
    },
    close() {
      socket.end(frame(Buffer.alloc(0), 0x8));
      socket.destroy();
    },
  };
}

/** Where the objects still alive were allocated (HeapProfiler sampling), largest first. */
export function topAllocationSites(profile: unknown, count: number): string[] {
  const node = z.object({
    callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
    selfSize: z.number(),
    get children() {
      return z.array(node);
    },
  });
  type Node = z.infer<typeof node>;
  const parsed = z.object({ profile: z.object({ head: node }) }).parse(profile);
  const bySite = new Map<string, number>();
  const walk = (current: Node, stack: string[]) => {
    const frame = current.callFrame;
    const here = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/^.*\/(node_modules|\.next)\//, "$1/")}:${frame.lineNumber + 1}`;
    const path = [...stack, here];
    if (current.selfSize > 0) {
      // The allocating frame and the two callers above it: enough to tell one site from another.
      const site = path.slice(-3).reverse().join(" < ");
      bySite.set(site, (bySite.get(site) ?? 0) + current.selfSize);
    }
    for (const child of current.children) walk(child, path);
  };
  walk(parsed.profile.head, []);
  return [...bySite.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([site, bytes]) => `${(bytes / 2 ** 20).toFixed(1).padStart(7)} MB  ${site}`);
}
