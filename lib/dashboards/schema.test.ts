import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dashboardSchema, panelSchema, variableSchema } from "./schema";

const DIR = path.join(__dirname, "..", "..", "dashboards");

describe("dashboard schema", () => {
  it("accepts every built-in dashboard file", () => {
    const files = readdirSync(DIR).filter((name) => name.endsWith(".json"));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const parsed = dashboardSchema.safeParse(JSON.parse(readFileSync(path.join(DIR, file), "utf8")));
      expect(parsed.success, `${file}: ${parsed.success ? "" : parsed.error.message}`).toBe(true);
      if (parsed.success) expect(`${parsed.data.uid}.json`).toBe(file);
    }
  });

  it("fills defaults for a minimal dashboard and panel", () => {
    const dashboard = dashboardSchema.parse({ uid: "x", title: "X", panels: [{ id: "a", type: "timeseries", gridPos: { x: 0, y: 0, w: 12, h: 8 } }] });
    expect(dashboard).toMatchObject({ time: { from: "now-6h", to: "now" }, refresh: "off", tags: [], variables: [] });
    expect(dashboard.panels[0]).toMatchObject({ title: "", targets: [], fieldConfig: { defaults: {}, overrides: [] }, options: { drawStyle: "line", stacking: "none", legend: { show: true } } });
  });

  it("refuses duplicate panel ids (rows' panels included) and duplicate variables", () => {
    const panel = (id: string) => ({ id, type: "text", gridPos: { x: 0, y: 0, w: 1, h: 1 } });
    const result = dashboardSchema.safeParse({
      uid: "x",
      title: "X",
      panels: [panel("a"), { type: "row", id: "r", title: "R", panels: [panel("a")] }],
      variables: [
        { type: "constant", name: "v", value: "1" },
        { type: "constant", name: "v", value: "2" },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['duplicate panel id "a"', 'duplicate variable "v"']);
  });

  it("names what is wrong", () => {
    expect(dashboardSchema.safeParse({ uid: "Not OK", title: "X" }).error?.issues[0]?.message).toMatch(/lower-case letters/);
    expect(panelSchema.safeParse({ id: "a", type: "timeseries", gridPos: { x: 0, y: 0, w: 25, h: 1 } }).success).toBe(false);
    expect(panelSchema.safeParse({ id: "a", type: "stat", gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: "A", expr: "" }] }).error?.issues[0]?.message).toBe("is required");
    expect(variableSchema.safeParse({ type: "query", name: "__x", query: "label_values(job)" }).success).toBe(false);
    expect(panelSchema.safeParse({ id: "a", type: "graph", gridPos: { x: 0, y: 0, w: 6, h: 4 } }).success).toBe(false);
  });
});
