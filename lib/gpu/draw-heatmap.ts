import { heatColor, type Heatmap } from "./heatmap";

export interface HeatmapLayout {
  width: number;
  height: number;
  /** Space left of the cells for GPU names; 0 when rows are too thin to label. */
  labelWidth: number;
  rowHeight: number;
  cellWidth: number;
  /** Space under the cells for the time axis. */
  axisHeight: number;
}

const LABEL_WIDTH = 150;
const AXIS_HEIGHT = 18;

/** Rows 2-14 px tall so 256 GPUs fit in about 700 px; names only when a row can hold text. */
export function heatmapLayout(heatmap: Pick<Heatmap, "columns" | "gpus">, width: number): HeatmapLayout {
  const rows = Math.max(1, heatmap.gpus.length);
  const rowHeight = Math.max(2, Math.min(14, Math.floor(700 / rows)));
  const labelWidth = rowHeight >= 9 ? LABEL_WIDTH : 0;
  const cellWidth = Math.max(0.5, (width - labelWidth) / Math.max(1, heatmap.columns));
  return { width, height: rows * rowHeight + AXIS_HEIGHT, labelWidth, rowHeight, cellWidth, axisHeight: AXIS_HEIGHT };
}

/** One RGBA pixel per cell (columns × GPUs); cells without data are transparent. */
export function heatmapPixels(heatmap: Pick<Heatmap, "columns" | "rows">): Uint8ClampedArray<ArrayBuffer> {
  const pixels = new Uint8ClampedArray(Math.max(1, heatmap.columns) * Math.max(1, heatmap.rows.length) * 4);
  heatmap.rows.forEach((row, y) => {
    for (let x = 0; x < heatmap.columns; x += 1) {
      const value = row[x];
      if (value === null || value === undefined) continue;
      const [r, g, b] = heatColor(value);
      const offset = (y * heatmap.columns + x) * 4;
      pixels[offset] = r;
      pixels[offset + 1] = g;
      pixels[offset + 2] = b;
      pixels[offset + 3] = 255;
    }
  });
  return pixels;
}

/** The GPU row and time column under a point of the canvas, if any. */
export function cellAt(layout: HeatmapLayout, heatmap: Pick<Heatmap, "columns" | "gpus">, x: number, y: number): { row: number; column: number } | undefined {
  const column = Math.floor((x - layout.labelWidth) / layout.cellWidth);
  const row = Math.floor(y / layout.rowHeight);
  if (x < layout.labelWidth || column < 0 || column >= heatmap.columns || row < 0 || row >= heatmap.gpus.length) return undefined;
  return { row, column };
}

/**
 * Draws the heatmap: every cell into one ImageData (one pixel per cell), scaled up without
 * smoothing in a single drawImage, so 256 GPUs × 360 steps is one blit rather than 92,000 rects.
 */
export function drawHeatmap(canvas: HTMLCanvasElement, heatmap: Heatmap, width: number): HeatmapLayout {
  const layout = heatmapLayout(heatmap, width);
  const ratio = typeof window === "undefined" ? 1 : window.devicePixelRatio || 1;
  canvas.width = Math.round(layout.width * ratio);
  canvas.height = Math.round(layout.height * ratio);
  canvas.style.width = `${layout.width}px`;
  canvas.style.height = `${layout.height}px`;
  const context = canvas.getContext("2d");
  if (!context) return layout;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, layout.width, layout.height);
  const gridHeight = heatmap.gpus.length * layout.rowHeight;
  if (heatmap.columns > 0 && heatmap.gpus.length > 0) {
    const cells = document.createElement("canvas");
    cells.width = heatmap.columns;
    cells.height = heatmap.gpus.length;
    const cellContext = cells.getContext("2d");
    if (cellContext) {
      cellContext.putImageData(new ImageData(heatmapPixels(heatmap), heatmap.columns, heatmap.gpus.length), 0, 0);
      context.imageSmoothingEnabled = false;
      context.drawImage(cells, layout.labelWidth, 0, layout.width - layout.labelWidth, gridHeight);
    }
  }
  context.fillStyle = "#94a3b8";
  context.font = "10px ui-sans-serif, system-ui, sans-serif";
  context.textBaseline = "middle";
  if (layout.labelWidth > 0) {
    heatmap.gpus.forEach((gpu, index) => {
      context.fillText(`${gpu.node} · ${gpu.gpu}`, 2, index * layout.rowHeight + layout.rowHeight / 2, layout.labelWidth - 6);
    });
  }
  // Time axis: about six labels.
  const ticks = 6;
  context.textBaseline = "top";
  for (let tick = 0; tick <= ticks; tick += 1) {
    const column = Math.round((tick / ticks) * Math.max(0, heatmap.columns - 1));
    const x = layout.labelWidth + column * layout.cellWidth;
    const label = new Date((heatmap.start + column * heatmap.step) * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    const measured = context.measureText(label).width;
    context.fillText(label, Math.min(Math.max(layout.labelWidth, x - measured / 2), layout.width - measured), gridHeight + 4);
  }
  return layout;
}
