import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { which } from "./binaries.ts";
import { demoScrapeConfigs } from "./prometheus.ts";
import { Service, httpReady } from "./service.ts";

/*
 * VictoriaMetrics single-node (Debian's `victoria-metrics`), scraping the demo exporter like the
 * stack's Prometheus does: a second, independent implementation of the Prometheus query API that
 * the compatibility tests run the console's client against.
 */

export interface VictoriaMetricsOptions {
  dataDir: string;
  port: number;
  /** host:port of the demo exporter. */
  exporterAddress: string;
  scrapeInterval: string;
}

export function victoriaMetricsBinary(): string {
  const binary = which(["victoria-metrics", "victoria-metrics-prod"]);
  if (!binary) throw new Error("VictoriaMetrics is not installed: `apt-get install victoria-metrics` (.ci/run does).");
  return binary;
}

export function victoriaMetricsService(options: VictoriaMetricsOptions): Service {
  mkdirSync(options.dataDir, { recursive: true });
  const configFile = path.join(options.dataDir, "scrape.yml");
  writeFileSync(
    configFile,
    stringify({
      global: { scrape_interval: options.scrapeInterval },
      scrape_configs: demoScrapeConfigs(options.exporterAddress),
    }),
  );
  return new Service({
    name: "victoria-metrics",
    command: victoriaMetricsBinary(),
    args: [
      `-storageDataPath=${path.join(options.dataDir, "data")}`,
      `-httpListenAddr=127.0.0.1:${options.port}`,
      `-promscrape.config=${configFile}`,
      // Answer with the newest samples, as Prometheus does (the default hides the last 30 s).
      "-search.latencyOffset=0s",
      "-retentionPeriod=1d",
    ],
    logFile: path.join(options.dataDir, "victoria-metrics.log"),
    ready: () => httpReady(`http://127.0.0.1:${options.port}/-/ready`),
    readyTimeoutMs: 30_000,
  });
}
