/**
 * What a leak keeps alive, from two V8 heap snapshots of the same process (taken after a full GC,
 * before and after some requests): the objects of the second that the first did not have, by
 * constructor, and — the useful part — where each group hangs from the old heap: walking each new
 * object's shortest retainer path from the GC roots up to the first new object on it gives the
 * old object and edge that anchors it. A leak shows as one anchor holding thousands of objects.
 *
 *   npx tsx bench/heap-diff.ts before.heapsnapshot after.heapsnapshot [paths=5]
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

const snapshotSchema = z.object({
  snapshot: z.object({
    meta: z.object({
      node_fields: z.array(z.string()),
      node_types: z.array(z.unknown()),
      edge_fields: z.array(z.string()),
      edge_types: z.array(z.unknown()),
    }),
  }),
  // Millions of entries: checked as arrays, not element by element.
  nodes: z.custom<number[]>((value) => Array.isArray(value)),
  edges: z.custom<number[]>((value) => Array.isArray(value)),
  strings: z.custom<string[]>((value) => Array.isArray(value)),
});

export interface Heap {
  nodeCount: number;
  type(node: number): string;
  name(node: number): string;
  id(node: number): number;
  selfSize(node: number): number;
  /** Edges of a node: [edgeType, edgeName, toNode]. */
  edges(node: number): Array<[string, string, number]>;
}

export function loadHeap(file: string): Heap {
  const raw = snapshotSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  const { meta } = raw.snapshot;
  const nodeFieldCount = meta.node_fields.length;
  const edgeFieldCount = meta.edge_fields.length;
  const nodeTypes = z.array(z.string()).parse(meta.node_types[0]);
  const edgeTypes = z.array(z.string()).parse(meta.edge_types[0]);
  const typeOffset = meta.node_fields.indexOf("type");
  const nameOffset = meta.node_fields.indexOf("name");
  const idOffset = meta.node_fields.indexOf("id");
  const sizeOffset = meta.node_fields.indexOf("self_size");
  const edgeCountOffset = meta.node_fields.indexOf("edge_count");
  const nodeCount = raw.nodes.length / nodeFieldCount;
  const firstEdge = new Uint32Array(nodeCount + 1);
  for (let node = 0, edge = 0; node < nodeCount; node += 1) {
    firstEdge[node] = edge;
    edge += (raw.nodes[node * nodeFieldCount + edgeCountOffset] ?? 0) * edgeFieldCount;
    firstEdge[node + 1] = edge;
  }
  const field = (node: number, offset: number) => raw.nodes[node * nodeFieldCount + offset] ?? 0;
  return {
    nodeCount,
    type: (node) => nodeTypes[field(node, typeOffset)] ?? "?",
    name: (node) => raw.strings[field(node, nameOffset)] ?? "?",
    id: (node) => field(node, idOffset),
    selfSize: (node) => field(node, sizeOffset),
    edges(node) {
      const result: Array<[string, string, number]> = [];
      for (let edge = firstEdge[node] ?? 0; edge < (firstEdge[node + 1] ?? 0); edge += edgeFieldCount) {
        const type = edgeTypes[raw.edges[edge] ?? 0] ?? "?";
        const nameOrIndex = raw.edges[edge + 1] ?? 0;
        const name = type === "element" || type === "hidden" ? `[${nameOrIndex}]` : (raw.strings[nameOrIndex] ?? "?");
        result.push([type, name, (raw.edges[edge + 2] ?? 0) / nodeFieldCount]);
      }
      return result;
    },
  };
}

function label(heap: Heap, node: number): string {
  const name = heap.name(node).replace(/\s+/g, " ").slice(0, 80);
  return `${heap.type(node)}:${name}@${heap.id(node)}`;
}

function main(): void {
  const [beforeFile, afterFile, pathsArg] = process.argv.slice(2);
  if (!beforeFile || !afterFile) throw new Error("usage: heap-diff.ts before.heapsnapshot after.heapsnapshot [paths]");
  const paths = Number(pathsArg ?? 5);
  const before = loadHeap(beforeFile);
  const oldIds = new Set<number>();
  for (let node = 0; node < before.nodeCount; node += 1) oldIds.add(before.id(node));
  const heap = loadHeap(afterFile);
  const isNew = (node: number) => !oldIds.has(heap.id(node));

  // Shortest retainer path from the root (node 0), weak edges excluded, as DevTools' distance.
  const parent = new Int32Array(heap.nodeCount).fill(-1);
  const parentEdge: string[] = new Array<string>(heap.nodeCount);
  const queue = new Int32Array(heap.nodeCount);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  parent[0] = 0;
  // WeakMap entries (ephemerons) are followed last, so a path goes through a strong edge when one exists.
  const deferred: Array<[number, string, number]> = [];
  for (;;) {
    while (head < tail) {
      const node = queue[head++] ?? 0;
      for (const [type, name, to] of heap.edges(node)) {
        if (type === "weak" || type === "shortcut" || parent[to] !== -1) continue;
        if (name.includes("part of key")) {
          deferred.push([node, `${type}:${name.replace(/ pair in WeakMap.*$/, "")}`, to]);
          continue;
        }
        parent[to] = node;
        parentEdge[to] = `${type}:${name}`;
        queue[tail++] = to;
      }
    }
    const next = deferred.filter(([, , to]) => parent[to] === -1);
    deferred.length = 0;
    if (next.length === 0) break;
    for (const [from, edge, to] of next) {
      if (parent[to] !== -1) continue;
      parent[to] = from;
      parentEdge[to] = edge;
      queue[tail++] = to;
    }
  }

  const byConstructor = new Map<string, { count: number; size: number }>();
  const anchors = new Map<string, { count: number; size: number; sample: number }>();
  let newCount = 0;
  let newSize = 0;
  for (let node = 0; node < heap.nodeCount; node += 1) {
    if (!isNew(node) || parent[node] === -1) continue;
    newCount += 1;
    newSize += heap.selfSize(node);
    const key = `${heap.type(node)}:${heap.name(node).slice(0, 60)}`;
    const entry = byConstructor.get(key) ?? { count: 0, size: 0 };
    entry.count += 1;
    entry.size += heap.selfSize(node);
    byConstructor.set(key, entry);
    // Up to the first new object whose retainer is old: that old retainer and edge is the anchor.
    let current = node;
    while (current !== 0 && isNew(parent[current] ?? 0)) current = parent[current] ?? 0;
    const holder = parent[current] ?? 0;
    const anchor = `${label(heap, holder).replace(/@\d+$/, "")} --${parentEdge[current]}--> ${heap.type(current)}:${heap.name(current).slice(0, 60)}`;
    const held = anchors.get(anchor) ?? { count: 0, size: 0, sample: node };
    held.count += 1;
    held.size += heap.selfSize(node);
    anchors.set(anchor, held);
  }
  console.log(`new reachable objects: ${newCount}, ${(newSize / 2 ** 20).toFixed(1)} MB self size`);
  console.log("\nnew objects by constructor (top 25):");
  for (const [key, { count, size }] of [...byConstructor.entries()].sort((a, b) => b[1].size - a[1].size).slice(0, 25)) {
    console.log(`  ${String(count).padStart(8)}  ${(size / 1024).toFixed(0).padStart(8)} KB  ${key}`);
  }
  console.log("\nanchors: old object --edge--> first new object, with what hangs below (top 15):");
  const top = [...anchors.entries()].sort((a, b) => b[1].size - a[1].size).slice(0, 15);
  for (const [anchor, { count, size }] of top) console.log(`  ${String(count).padStart(8)}  ${(size / 1024).toFixed(0).padStart(8)} KB  ${anchor}`);
  console.log("\nretainer paths from the root of the largest anchors' samples:");
  for (const [anchor, { sample }] of top.slice(0, paths)) {
    const chain: string[] = [];
    for (let current = sample; current !== 0; current = parent[current] ?? 0) chain.push(`${isNew(current) ? "+" : " "} ${label(heap, current)}  <-${parentEdge[current]}`);
    console.log(`\n  ${anchor}\n    ${chain.reverse().join("\n    ")}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
