/**
 * How long converting a Grafana dashboard takes: the real public dashboards in
 * lib/dashboards/grafana/fixtures/ and a synthetic one of 300 panels in 10 rows (the size of the
 * largest community dashboards, such as Node Exporter Full). Pure conversion, no database.
 *
 *   npx tsx bench/grafana-import.ts [runs=200]
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { convertGrafanaText } from "../lib/dashboards/grafana/convert.ts";
import { printTable, quantile } from "./stats.ts";

const runs = Number(process.argv[2] ?? 200);
const dir = path.join(import.meta.dirname, "..", "lib", "dashboards", "grafana", "fixtures");

function synthetic(rows: number, perRow: number): string {
  const panels: unknown[] = [];
  let id = 1;
  for (let row = 0; row < rows; row += 1) {
    const y = row * 9;
    panels.push({ id: id++, type: "row", title: `Row ${row}`, collapsed: row % 2 === 1, gridPos: { x: 0, y, w: 24, h: 1 }, panels: [] });
    for (let index = 0; index < perRow; index += 1) {
      const kind = ["timeseries", "graph", "stat", "gauge", "table", "bargauge"][index % 6];
      panels.push({
        id: id++,
        type: kind,
        title: `Panel ${row}.${index}`,
        gridPos: { x: (index % 4) * 6, y: y + 1, w: 6, h: 8 },
        datasource: "${DS_PROMETHEUS}",
        targets: [{ refId: "A", expr: `sum by (job) (rate(http_requests_total{job=~"$job"}[$__rate_interval])) * ${index}`, legendFormat: "{{job}}" }],
        fieldConfig: { defaults: { unit: "reqps", thresholds: { mode: "absolute", steps: [{ value: null, color: "green" }, { value: 80, color: "red" }] } }, overrides: [] },
        yaxes: [{ format: "short" }, { format: "short" }],
      });
    }
  }
  return JSON.stringify({
    __inputs: [{ name: "DS_PROMETHEUS", type: "datasource", pluginId: "prometheus" }],
    title: "Synthetic 300 panels",
    uid: "synthetic",
    schemaVersion: 39,
    templating: { list: [{ type: "query", name: "job", query: "label_values(up, job)", multi: true, includeAll: true }] },
    panels,
  });
}

const inputs: Array<[string, string]> = [
  ...readdirSync(dir)
    .filter((name) => name.endsWith("-dashboard.json"))
    .map((name): [string, string] => [name, readFileSync(path.join(dir, name), "utf8")]),
  ["synthetic 10 rows x 30 panels", synthetic(10, 30)],
];

const rows: Array<Array<string | number>> = [];
for (const [name, text] of inputs) {
  for (let warm = 0; warm < 20; warm += 1) convertGrafanaText(text);
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    convertGrafanaText(text);
    samples.push(performance.now() - started);
  }
  const panels = convertGrafanaText(text).report.panels.length;
  rows.push([name, `${(text.length / 1024).toFixed(0)} KiB`, panels, quantile(samples, 0.5).toFixed(2), quantile(samples, 0.99).toFixed(2)]);
}
console.log(`Grafana import: conversion time over ${runs} runs (ms)`);
printTable(["dashboard", "size", "panels", "p50 ms", "p99 ms"], rows);
