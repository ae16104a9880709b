import { describe, expect, it } from "vitest";
import { datasourceVariableChoice, normalizeSource, panelSource, resolveSourceRef, sourceProblem } from "./datasource";
import type { VariableValues } from "./interpolate";
import { dashboardSchema, datasourceRefSchema } from "./schema";

const values: VariableValues = { DS: { values: ["vm"], options: ["default", "vm"], multi: false } };

describe("panel sources", () => {
  it("take the panel's own reference over the dashboard's, with variables expanded", () => {
    expect(panelSource("thanos", "vm", values)).toBe("thanos");
    expect(panelSource(undefined, "${DS}", values)).toBe("vm");
    expect(panelSource(undefined, "$DS", values)).toBe("vm");
    expect(panelSource(undefined, undefined, values)).toBeUndefined();
    expect(resolveSourceRef("${NOPE}", values)).toBe("${NOPE}");
  });

  it("write the default source as nothing", () => {
    expect(normalizeSource("default")).toBeUndefined();
    expect(normalizeSource("vm")).toBe("vm");
  });

  it("explain a source that is not configured, or a variable nothing defines", () => {
    expect(sourceProblem("vm", ["default", "vm"])).toBeUndefined();
    expect(sourceProblem(undefined, ["default"])).toBeUndefined();
    expect(sourceProblem("thanos", undefined)).toBeUndefined();
    expect(sourceProblem("thanos", ["default", "vm"])).toMatch(/"thanos" is not configured here \(configured: default, vm\)/);
    expect(sourceProblem("${NOPE}", ["default"])).toMatch(/variable this dashboard does not define/);
  });
});

describe("datasourceVariableChoice", () => {
  it("lists the configured sources matching the regex and picks the URL's, the saved or the default one", () => {
    expect(datasourceVariableChoice({ current: [] }, undefined, ["default", "vm"])).toEqual({ options: ["default", "vm"], selected: ["default"] });
    expect(datasourceVariableChoice({ current: ["vm"] }, undefined, ["default", "vm"]).selected).toEqual(["vm"]);
    expect(datasourceVariableChoice({ current: ["vm"] }, ["default"], ["default", "vm"]).selected).toEqual(["default"]);
    expect(datasourceVariableChoice({ regex: "^(vm|thanos)", current: [] }, undefined, ["default", "vm", "thanos"])).toEqual({ options: ["vm", "thanos"], selected: ["vm"] });
    expect(datasourceVariableChoice({ regex: "(", current: [] }, undefined, ["default"]).options).toEqual(["default"]);
  });
});

describe("datasource references in the model", () => {
  it("are a source name or a variable reference", () => {
    for (const ok of ["default", "vm", "thanos-eu_2", "${DS}", "$DS", "[[DS]]"]) expect(datasourceRefSchema.safeParse(ok).success).toBe(true);
    for (const bad of ["Prometheus", "../admin", "${DS:raw}", "", "$"]) expect(datasourceRefSchema.safeParse(bad).success).toBe(false);
  });

  it("live in the dashboard JSON, so stored dashboards need no migration", () => {
    const parsed = dashboardSchema.parse({
      uid: "x",
      title: "X",
      datasource: "${DS}",
      variables: [{ type: "datasource", name: "DS" }],
      panels: [{ id: "a", type: "stat", gridPos: { x: 0, y: 0, w: 6, h: 4 }, datasource: "vm", targets: [{ refId: "A", expr: "up" }] }],
    });
    expect(parsed.datasource).toBe("${DS}");
    expect(parsed.variables[0]).toEqual({ type: "datasource", name: "DS", current: [], hide: false });
    expect(parsed.panels[0]).toMatchObject({ datasource: "vm" });
  });
});
