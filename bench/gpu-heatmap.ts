/**
 * The GPU page's utilisation heatmap with 256 GPUs over 6 hours (one column a minute: 361 × 256 =
 * 92,416 cells), drawn by the page's own code (lib/gpu/draw-heatmap.ts, bundled with esbuild) on a
 * <canvas> in headless Chromium. Measures, per run, parsing the /api/gpus/heatmap JSON and drawing
 * until the next animation frame; and, in Node, building that JSON from 256 range-query series
 * (lib/gpu/heatmap.ts). Goal: under 1 s in the browser. Run: npx tsx bench/gpu-heatmap.ts [runs]
 */
import { build } from "esbuild";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { buildHeatmap } from "../lib/gpu/heatmap.ts";
import type { SeriesPoints } from "../lib/prometheus/parse-sample-values.ts";
import { quantile, printTable } from "./stats.ts";

const RUNS = Number(process.argv[2] ?? 15);
const NODES = 32;
const GPUS_PER_NODE = 8;
const RANGE = 6 * 3600;
const STEP = 60;
const WIDTH = 1200;

function syntheticSeries(end: number): SeriesPoints[] {
  const series: SeriesPoints[] = [];
  for (let node = 0; node < NODES; node += 1) {
    for (let gpu = 0; gpu < GPUS_PER_NODE; gpu += 1) {
      const points: SeriesPoints["points"] = [];
      for (let t = end - RANGE; t <= end; t += STEP) {
        // A daily-ish wave per GPU with a phase of its own, some idle and some saturated GPUs.
        const phase = (node * GPUS_PER_NODE + gpu) * 0.37;
        const base = node % 7 === 0 ? 2 : node % 5 === 0 ? 97 : 55;
        points.push([t * 1000, Math.max(0, Math.min(100, base + 30 * Math.sin(t / 1800 + phase)))]);
      }
      series.push({ labels: { __name__: "DCGM_FI_DEV_GPU_UTIL", Hostname: `gpu-node-${node}`, gpu: String(gpu), modelName: "NVIDIA H100 80GB HBM3" }, points });
    }
  }
  return series;
}

const end = Math.floor(Date.now() / 1000 / STEP) * STEP;
const series = syntheticSeries(end);
const buildTimes: number[] = [];
let json = "";
for (let run = 0; run < RUNS; run += 1) {
  const started = performance.now();
  json = JSON.stringify(buildHeatmap(series, [], end - RANGE, end, STEP));
  buildTimes.push(performance.now() - started);
}

const bundle = await build({
  entryPoints: [path.join(import.meta.dirname, "..", "lib", "gpu", "draw-heatmap.ts")],
  bundle: true,
  format: "iife",
  globalName: "VigilHeatmap",
  platform: "browser",
  write: false,
  logLevel: "silent",
});
const script = bundle.outputFiles[0]?.text ?? "";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const drawTimes: number[] = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.setContent(`<!doctype html><body style="margin:0;background:#0b1220"><canvas id="heatmap"></canvas></body>`);
  await page.addScriptTag({ content: script });
  for (let run = 0; run < RUNS; run += 1) {
    drawTimes.push(
      await page.evaluate(
        async ({ text, width }) => {
          const canvas = document.getElementById("heatmap");
          if (!(canvas instanceof HTMLCanvasElement)) throw new Error("no canvas");
          const started = performance.now();
          // Same work as the page: parse the route's answer, draw, wait for the frame that shows it.
          const heatmap = JSON.parse(text);
          (window as unknown as { VigilHeatmap: { drawHeatmap: (c: HTMLCanvasElement, h: unknown, w: number) => unknown } }).VigilHeatmap.drawHeatmap(canvas, heatmap, width);
          await new Promise((resolve) => requestAnimationFrame(resolve));
          return performance.now() - started;
        },
        { text: json, width: WIDTH },
      ),
    );
  }
} finally {
  await browser.close();
}

const ms = (value: number) => value.toFixed(1);
console.log(`\nGPU heatmap: ${NODES * GPUS_PER_NODE} GPUs × ${RANGE / 3600} h at ${STEP} s (${(RANGE / STEP + 1) * NODES * GPUS_PER_NODE} cells, ${(json.length / 1024).toFixed(0)} KiB JSON), ${RUNS} runs, ${os.cpus().length} cores\n`);
printTable(
  ["phase", "first ms", "median ms", "p95 ms", "max ms"],
  [
    ["build JSON from 256 series (Node)", ms(buildTimes[0] ?? NaN), ms(quantile(buildTimes, 0.5)), ms(quantile(buildTimes, 0.95)), ms(Math.max(...buildTimes))],
    ["parse + draw + frame (Chromium)", ms(drawTimes[0] ?? NaN), ms(quantile(drawTimes, 0.5)), ms(quantile(drawTimes, 0.95)), ms(Math.max(...drawTimes))],
  ],
);
const worst = Math.max(...drawTimes);
console.log(`\nGoal: drawn in under 1000 ms in headless Chromium: ${worst < 1000 ? "met" : "MISSED"} (worst run ${ms(worst)} ms).`);
