import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBinaries } from "@/stack/binaries";
import { freePort } from "@/stack/ports";
import { Service, httpReady } from "@/stack/service";

/**
 * A private Prometheus holding series with a known history, for the correctness tests and the
 * bench: series are written as OpenMetrics, turned into blocks with
 * `promtool tsdb create-blocks-from openmetrics`, and a fresh Prometheus opens that directory.
 */

export interface BackfillSeries {
  name: string;
  labels: Record<string, string>;
  /** [unix seconds, value], in time order. */
  samples: ReadonlyArray<readonly [number, number]>;
}

function labelText(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return "";
  return `{${entries.map(([name, value]) => `${name}="${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
}

/** OpenMetrics text (no TYPE lines: every family is "unknown"), series of one name kept together. */
export function openMetricsText(series: readonly BackfillSeries[]): string {
  const byName = new Map<string, BackfillSeries[]>();
  for (const entry of series) byName.set(entry.name, [...(byName.get(entry.name) ?? []), entry]);
  const lines: string[] = [];
  for (const [name, members] of byName) {
    for (const member of members) {
      const labels = labelText(member.labels);
      for (const [time, value] of member.samples) lines.push(`${name}${labels} ${value} ${time}`);
    }
  }
  lines.push("# EOF");
  return `${lines.join("\n")}\n`;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${code}): ${stderr.slice(-2000)}`))));
  });
}

export interface BackfilledPrometheus {
  url: string;
  stop(): Promise<void>;
}

export interface BackfillOptions {
  /** --storage.tsdb.retention.time of the private Prometheus. */
  retention: string;
  /** Extra rule files' text, evaluated by the private Prometheus (none by default). */
  rules?: string;
}

/** Writes the series into blocks and starts a private Prometheus on them (on a free loopback port). */
export async function startBackfilledPrometheus(
  series: readonly BackfillSeries[],
  { retention, rules }: BackfillOptions,
): Promise<BackfilledPrometheus> {
  const { prometheus, promtool } = ensureBinaries(() => undefined);
  const dir = mkdtempSync(path.join(os.tmpdir(), "vigil-slo-backfill-"));
  const data = path.join(dir, "data");
  mkdirSync(data);
  const input = path.join(dir, "input.om");
  writeFileSync(input, openMetricsText(series));
  await run(promtool, ["tsdb", "create-blocks-from", "openmetrics", "--max-block-duration=24h", input, data]);
  rmSync(input);
  const config = path.join(dir, "prometheus.yml");
  const ruleFiles = rules ? [path.join(dir, "rules.yml")] : [];
  if (rules) writeFileSync(path.join(dir, "rules.yml"), rules);
  writeFileSync(config, `global:\n  evaluation_interval: 5s\nrule_files: ${JSON.stringify(ruleFiles)}\nscrape_configs: []\n`);
  const port = await freePort();
  const service = new Service({
    name: "prometheus-backfill",
    command: prometheus,
    args: [
      `--config.file=${config}`,
      `--storage.tsdb.path=${data}`,
      `--storage.tsdb.retention.time=${retention}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--query.max-samples=200000000",
    ],
    logFile: path.join(dir, "prometheus.log"),
    ready: () => httpReady(`http://127.0.0.1:${port}/-/ready`),
    readyTimeoutMs: 120_000,
  });
  await service.start();
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await service.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
