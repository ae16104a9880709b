/**
 * One time series chart with 50 series x 1,000 points (the dashboards' canvas chart), rendered
 * in headless Chromium: the time from React render to the last pixel drawn, and the drawing
 * alone, median of 15 renders after 3 warm-ups. Goal: under 200 ms.
 *
 *   npx tsx bench/chart-render.ts [series=50] [points=1000]
 */
import path from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { printTable, quantile } from "./stats.ts";

const root = path.resolve(import.meta.dirname, "..");

const ENTRY = `
import { createElement } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { CanvasTimeSeries } from "@/components/dashboards/canvas-time-series";
import { formatValue } from "@/lib/dashboards/units";

const PALETTE = ["#38bdf8", "#a78bfa", "#34d399", "#fbbf24", "#f472b6"];

function render(seriesCount, pointCount) {
  const end = 1_763_700_000_000;
  const step = 21_600_000 / pointCount;
  const times = Array.from({ length: pointCount }, (_, index) => end - (pointCount - index) * step);
  const series = Array.from({ length: seriesCount }, (_, s) => ({
    name: "series " + s,
    color: PALETTE[s % PALETTE.length],
    values: times.map((_, index) => 100 + s * 3 + 20 * Math.sin(index / 40 + s) + (index % 7)),
    format: (value) => formatValue(value, "reqps"),
  }));
  const container = document.getElementById("root");
  container.innerHTML = "";
  const root = createRoot(container);
  let drawMs = -1;
  const started = performance.now();
  flushSync(() =>
    root.render(
      createElement(CanvasTimeSeries, {
        label: "bench",
        times,
        series,
        fromMs: times[0],
        toMs: end,
        formatAxis: (value) => formatValue(value, "reqps"),
        timeZone: "utc",
        onDrawn: (ms) => { drawMs = ms; },
      }),
    ),
  );
  // Chromium records canvas commands and rasterizes later: reading a pixel back forces the drawing to finish.
  container.querySelector("canvas").getContext("2d").getImageData(0, 0, 1, 1);
  const totalMs = performance.now() - started;
  root.unmount();
  return { totalMs, drawMs };
}
window.renderChart = render;
`;

async function main(): Promise<void> {
  const seriesCount = Number(process.argv[2] ?? 50);
  const points = Number(process.argv[3] ?? 1000);
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: "tsx", sourcefile: "bench-entry.tsx" },
    bundle: true,
    write: false,
    format: "iife",
    minify: true,
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "error",
  });
  const script = bundle.outputFiles[0]?.text ?? "";
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.setContent('<div id="root" style="width: 1200px; height: 400px"></div>');
    await page.addScriptTag({ content: script });
    const runs: Array<{ totalMs: number; drawMs: number }> = [];
    for (let index = 0; index < 18; index += 1) {
      const run = await page.evaluate(
        ([s, p]) => (window as unknown as { renderChart: (s: number, p: number) => { totalMs: number; drawMs: number } }).renderChart(s, p),
        [seriesCount, points] as const,
      );
      if (index >= 3) runs.push(run);
    }
    console.log(`One chart, ${seriesCount} series x ${points} points, 1200x400 px, headless Chromium, ${runs.length} renders after 3 warm-ups:`);
    printTable(
      ["measure", "median ms", "p90 ms", "max ms"],
      [
        ["render to pixels read back", quantile(runs.map((run) => run.totalMs), 0.5).toFixed(1), quantile(runs.map((run) => run.totalMs), 0.9).toFixed(1), Math.max(...runs.map((run) => run.totalMs)).toFixed(1)],
        ["canvas commands only", quantile(runs.map((run) => run.drawMs), 0.5).toFixed(1), quantile(runs.map((run) => run.drawMs), 0.9).toFixed(1), Math.max(...runs.map((run) => run.drawMs)).toFixed(1)],
      ],
    );
    console.log(`Goal: under 200 ms -> ${quantile(runs.map((run) => run.totalMs), 0.5) < 200 ? "met" : "NOT met"}`);
  } finally {
    await browser.close();
  }
}

await main();
