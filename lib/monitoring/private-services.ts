import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { ensureBinaries } from "@/stack/binaries";
import { freePort } from "@/stack/ports";
import { httpReady, Service } from "@/stack/service";

/*
 * Private Prometheus and Alertmanager servers for the monitoring tests and benchmarks: a bad
 * rule file, a big head block or a routing tree with several receivers, without touching the
 * shared test stack. Everything lives in a temporary directory removed on stop.
 */

export interface PrivateServer {
  url: string;
  dir: string;
  stop: () => Promise<void>;
}

export interface PrivatePrometheusOptions {
  /** Rule files by name, as YAML text. */
  rules?: Record<string, string>;
  /** Static scrape jobs: job name and host:port targets. */
  scrapeJobs?: Array<{ job: string; targets: string[]; metricsPath?: string; labels?: Record<string, string> }>;
  /** Per-target labels as separate static groups (many targets in one job). */
  targetGroups?: Array<{ job: string; groups: Array<{ targets: string[]; labels: Record<string, string> }> }>;
  scrapeInterval?: string;
  scrapeTimeout?: string;
  evaluationInterval?: string;
}

function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `vigil-${prefix}-`));
}

/** A Prometheus on a free loopback port with the given rules and scrape jobs. */
export async function startPrivatePrometheus(options: PrivatePrometheusOptions = {}): Promise<PrivateServer> {
  const binaries = ensureBinaries(() => undefined);
  const dir = tempDir("prometheus");
  const port = await freePort();
  const rulesDir = path.join(dir, "rules");
  mkdirSync(rulesDir);
  for (const [name, text] of Object.entries(options.rules ?? {})) writeFileSync(path.join(rulesDir, name), text);
  const interval = options.scrapeInterval ?? "1s";
  const config = {
    global: {
      scrape_interval: interval,
      scrape_timeout: options.scrapeTimeout ?? interval,
      evaluation_interval: options.evaluationInterval ?? "1s",
    },
    rule_files: ["rules/*.yml"],
    scrape_configs: [
      { job_name: "prometheus", static_configs: [{ targets: [`127.0.0.1:${port}`] }] },
      ...(options.scrapeJobs ?? []).map((job) => ({
        job_name: job.job,
        ...(job.metricsPath ? { metrics_path: job.metricsPath } : {}),
        static_configs: [{ targets: job.targets, ...(job.labels ? { labels: job.labels } : {}) }],
      })),
      ...(options.targetGroups ?? []).map((job) => ({ job_name: job.job, static_configs: job.groups })),
    ],
  };
  const configFile = path.join(dir, "prometheus.yml");
  writeFileSync(configFile, stringify(config));
  const service = new Service({
    name: "private-prometheus",
    command: binaries.prometheus,
    args: [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${path.join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--web.enable-lifecycle",
    ],
    logFile: path.join(dir, "prometheus.log"),
    ready: () => httpReady(`http://127.0.0.1:${port}/-/ready`),
    readyTimeoutMs: 120_000,
  });
  return startInDir(service, port, dir);
}

/** Starts a service whose files live in `dir`; stopping it removes them. */
async function startInDir(service: Service, port: number, dir: string): Promise<PrivateServer> {
  await service.start();
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    stop: async () => {
      await service.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One Alertmanager (clustering off) on a free loopback port with the given configuration. */
export async function startPrivateAlertmanager(configYaml: string): Promise<PrivateServer> {
  const binaries = ensureBinaries(() => undefined);
  const dir = tempDir("alertmanager");
  const port = await freePort();
  const configFile = path.join(dir, "alertmanager.yml");
  writeFileSync(configFile, configYaml);
  const service = new Service({
    name: "private-alertmanager",
    command: binaries.alertmanager,
    args: [
      `--config.file=${configFile}`,
      `--storage.path=${path.join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--cluster.listen-address=",
    ],
    logFile: path.join(dir, "alertmanager.log"),
    ready: () => httpReady(`http://127.0.0.1:${port}/-/ready`),
    readyTimeoutMs: 30_000,
  });
  return startInDir(service, port, dir);
}

export interface ExpositionServer {
  /** host:port to scrape. */
  address: string;
  close: () => Promise<void>;
}

/** Serves a Prometheus text exposition per path (/metrics/<name>); unknown paths answer 404. */
export async function serveExpositions(bodies: (name: string) => Buffer | undefined): Promise<ExpositionServer> {
  const port = await freePort();
  const server = http.createServer((request, response) => {
    const name = /^\/metrics\/([\w-]+)$/.exec(request.url ?? "")?.[1];
    const body = name ? bodies(name) : undefined;
    if (!body) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    address: `127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A high-cardinality exposition: `series` series of one counter, with a per-request UUID and a
 * per-user label, like the mistakes the cardinality page must catch.
 */
export function highCardinalityExposition(series: number, { offset = 0, metric = "vigil_test_requests_total" } = {}): Buffer {
  const lines = [`# TYPE ${metric} counter`];
  for (let index = offset; index < offset + series; index += 1) {
    const hex = index.toString(16).padStart(12, "0");
    lines.push(`${metric}{user_id="user-${index % 5000}",request_id="0000${hex.slice(0, 4)}-0000-4000-8000-${hex}",route="/r${index % 20}"} 1`);
  }
  lines.push("");
  return Buffer.from(lines.join("\n"));
}
