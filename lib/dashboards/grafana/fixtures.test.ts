import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { convertGrafanaText } from "./convert";

const dir = path.join(import.meta.dirname, "fixtures");
const read = (name: string) => readFileSync(path.join(dir, name), "utf8");
const golden = (name: string): unknown => JSON.parse(read(name.replace(/\.json$/, ".report.json")));

describe("real public Grafana dashboards", () => {
  it.each(["dcgm-exporter-dashboard.json", "inferno-dashboard.json"])("%s converts to the recorded report", (name) => {
    expect(convertGrafanaText(read(name)).report).toEqual(golden(name));
  });

  it("dcgm-exporter: graph units and legend, the Grafana 6 gauge's fieldOptions, label_values variables", () => {
    const { dashboard, notes } = convertGrafanaText(read("dcgm-exporter-dashboard.json"));
    // Grafana's uid "Oxed_c6Wz" has upper case and _, so the title's slug is used.
    expect(dashboard.uid).toBe("nvidia-dcgm-exporter-dashboard");
    expect(dashboard.title).toBe("NVIDIA DCGM Exporter Dashboard");
    expect(dashboard.time).toEqual({ from: "now-15m", to: "now" });
    expect(dashboard.refresh).toBe("off");
    expect(notes).toEqual([]);
    const temperature = dashboard.panels.find((panel) => panel.title === "GPU Temperature");
    expect(temperature).toMatchObject({
      type: "timeseries",
      id: "12",
      gridPos: { x: 0, y: 0, w: 18, h: 8 },
      fieldConfig: { defaults: { unit: "celsius" } },
      targets: [{ refId: "A", expr: 'DCGM_FI_DEV_GPU_TEMP{instance=~"$instance", gpu=~"$gpu"}', legendFormat: "GPU {{gpu}}", instant: false }],
      options: { drawStyle: "line", stacking: "none", fillOpacity: 10, lineWidth: 2, legend: { show: true, placement: "right", calcs: ["last", "max", "mean"] } },
    });
    const gauge = dashboard.panels.find((panel) => panel.title === "GPU Avg. Temp");
    expect(gauge).toMatchObject({
      type: "gauge",
      options: { reduce: "mean", showThresholdMarkers: true },
      fieldConfig: {
        defaults: {
          unit: "celsius",
          min: 0,
          max: 100,
          thresholds: { mode: "absolute", steps: [{ value: null, color: "green" }, { value: 83, color: "#EAB839" }, { value: 87, color: "red" }] },
        },
      },
    });
    expect(dashboard.variables).toEqual([
      { name: "datasource", type: "datasource", current: [], hide: false },
      { name: "instance", type: "query", query: "label_values(DCGM_FI_DEV_GPU_TEMP, instance)", multi: true, includeAll: true, current: [], hide: false, sort: "alphabetical" },
      { name: "gpu", type: "query", query: "label_values(DCGM_FI_DEV_GPU_TEMP, gpu)", multi: true, includeAll: true, current: [], hide: false, sort: "alphabetical" },
    ]);
  });

  it("inferno: timeseries fieldConfig units, several targets, refresh and uid kept", () => {
    const { dashboard } = convertGrafanaText(read("inferno-dashboard.json"));
    expect(dashboard.uid).toBe("inferno-overview");
    expect(dashboard.refresh).toBe("30s");
    const latency = dashboard.panels.find((panel) => panel.title === "API Latency Percentiles");
    expect(latency).toMatchObject({
      type: "timeseries",
      fieldConfig: { defaults: { unit: "s" } },
      targets: [
        { refId: "A", legendFormat: "P95" },
        { refId: "B", legendFormat: "P99" },
      ],
    });
    const status = dashboard.panels.find((panel) => panel.title === "Inferno Pod Status");
    expect(status).toMatchObject({ type: "gauge", options: { reduce: "lastNotNull" } });
    expect(dashboard.panels).toHaveLength(8);
  });
});
