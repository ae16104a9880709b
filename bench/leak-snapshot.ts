/**
 * Two heap snapshots of the console around a round of requests to one URL, each after a full GC
 * and the same 11 s pause as the leak probe, then `heap-diff.ts` over them: what the round left
 * alive and which old object holds it.
 *
 *   npx tsx bench/leak-snapshot.ts [path=/] [requests=500] [concurrency=20] [out dir=/tmp/vigil-heap] [rounds=1]
 */
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { z } from "zod";
import { benchStack } from "./bench-stack.ts";
import { inspectProcess, type Inspector } from "./inspector.ts";

const chunk = z.object({ chunk: z.string() });

async function snapshot(inspector: Inspector, file: string): Promise<void> {
  await inspector.memoryAfterGc();
  const out = createWriteStream(file);
  const listener = (params: unknown) => {
    out.write(chunk.parse(params).chunk);
  };
  inspector.on("HeapProfiler.addHeapSnapshotChunk", listener);
  await inspector.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  inspector.off("HeapProfiler.addHeapSnapshotChunk", listener);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function round(url: string, headers: Record<string, string>, requests: number, concurrency: number): Promise<void> {
  let sent = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < requests) {
        sent += 1;
        await (await fetch(url, { headers, redirect: "manual" })).arrayBuffer();
      }
    }),
  );
}

async function main(): Promise<void> {
  const target = process.argv[2] ?? "/";
  const requests = Number(process.argv[3] ?? 500);
  const concurrency = Number(process.argv[4] ?? 20);
  const outDir = process.argv[5] ?? "/tmp/vigil-heap";
  const rounds = Number(process.argv[6] ?? 1);
  mkdirSync(outDir, { recursive: true });
  const bench = await benchStack();
  try {
    if (bench.consolePid === undefined) throw new Error("needs a console it started (no BENCH_CONSOLE_URL)");
    const inspector = await inspectProcess(bench.consolePid);
    const url = `${bench.consoleUrl}${target}`;
    await round(url, bench.headers, 50, 5);
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    const before = path.join(outDir, "before.heapsnapshot");
    await snapshot(inspector, before);
    console.log(`before: heap after GC ${((await inspector.memoryAfterGc()).heapUsed / 2 ** 20).toFixed(1)} MB`);
    for (let index = 0; index < rounds; index += 1) {
      await round(url, bench.headers, requests, concurrency);
      await new Promise((resolve) => setTimeout(resolve, 11_000));
    }
    console.log(`after ${rounds} × ${requests} × ${target}, before the snapshot: heap after GC ${((await inspector.memoryAfterGc()).heapUsed / 2 ** 20).toFixed(1)} MB`);
    await inspector.send("Runtime.discardConsoleEntries");
    console.log(`after Runtime.discardConsoleEntries: heap after GC ${((await inspector.memoryAfterGc()).heapUsed / 2 ** 20).toFixed(1)} MB`);
    const after = path.join(outDir, "after.heapsnapshot");
    await snapshot(inspector, after);
    console.log(`after ${rounds} × ${requests} × ${target}: heap after GC ${((await inspector.memoryAfterGc()).heapUsed / 2 ** 20).toFixed(1)} MB`);
    inspector.close();
    if (bench.consoleLog) console.log(`console log (tail):\n${readFileSync(bench.consoleLog, "utf8").split("\n").slice(-30).join("\n")}`);
    spawnSync(process.execPath, ["--max-old-space-size=8192", "--import", "tsx", path.join(import.meta.dirname, "heap-diff.ts"), before, after], { stdio: "inherit" });
  } finally {
    await bench.stop();
  }
}

await main();
