import { describe, expect, it } from "vitest";
import { ALL_VALUE, interpolate } from "./interpolate";
import { variableSchema } from "./schema";
import { resolveVariables, selectionFor, variableValuesOf } from "./variables";
import type { VariableQuery } from "./variable-query";

const variables = [
  { type: "query", name: "job", query: "label_values(up, job)" },
  { type: "query", name: "instance", query: 'label_values(up{job="$job"}, instance)', multi: true, includeAll: true },
  { type: "custom", name: "quantile", options: [{ text: "p50", value: "0.5" }, { text: "p99", value: "0.99" }], current: ["0.99"] },
  { type: "interval", name: "window", options: ["1m", "5m"] },
  { type: "constant", name: "env", value: "prod" },
  { type: "textbox", name: "filter", value: ".*" },
].map((variable) => variableSchema.parse(variable));

const fakePrometheus = async (query: VariableQuery): Promise<string[]> => {
  if (query.kind !== "label_values") throw new Error("unexpected");
  if (query.label === "job") return ["vllm", "inferno"];
  if (query.match === 'up{job="inferno"}') return ["inferno-1", "inferno-0"];
  throw new Error(`bad_data: unexpected match ${query.match ?? ""}`);
};

describe("resolveVariables", () => {
  it("resolves in order, chaining on earlier selections", async () => {
    const resolved = await resolveVariables(variables, {}, fakePrometheus);
    expect(resolved.map((item) => [item.name, item.options, item.selected])).toEqual([
      ["job", ["inferno", "vllm"], ["inferno"]],
      ["instance", ["inferno-0", "inferno-1"], [ALL_VALUE]],
      ["quantile", ["0.5", "0.99"], ["0.99"]],
      ["window", ["1m", "5m"], ["1m"]],
      ["env", ["prod"], ["prod"]],
      ["filter", [".*"], [".*"]],
    ]);
    const values = variableValuesOf(resolved, variables);
    expect(interpolate('rate(x{job="$job",instance=~"$instance"}[$window]) > $quantile', values)).toBe(
      'rate(x{job="inferno",instance=~"(inferno-0|inferno-1)"}[1m]) > 0.99',
    );
  });

  it("takes selections from the URL and reports a variable whose query fails", async () => {
    const resolved = await resolveVariables(variables, { job: ["vllm"], filter: ["abc"] }, fakePrometheus);
    expect(resolved[1]?.error).toContain("bad_data");
    expect(resolved[1]?.resolvedQuery).toBe('label_values(up{job="vllm"}, instance)');
    expect(resolved[5]?.selected).toEqual(["abc"]);
  });
});

describe("selectionFor", () => {
  it("keeps one value for single-select variables and honours All", () => {
    expect(selectionFor({ multi: false, includeAll: false, current: [] }, ["a", "b"], ["a", "b"])).toEqual(["a"]);
    expect(selectionFor({ multi: true, includeAll: true, current: [] }, [ALL_VALUE], ["a"])).toEqual([ALL_VALUE]);
    expect(selectionFor({ multi: true, includeAll: false, current: [] }, undefined, [])).toEqual([]);
  });
});

describe("datasource variables and sources", () => {
  const withSource = [
    { type: "datasource", name: "DS" },
    { type: "query", name: "job", query: "label_values(up, job)" },
    { type: "query", name: "pinned", query: "label_values(up, job)", datasource: "default" },
  ].map((variable) => variableSchema.parse(variable));

  it("offer the configured sources, choose from the URL, and query variables ask the chosen source", async () => {
    const asked: Array<string | undefined> = [];
    const fetcher = async (_query: VariableQuery, source: string | undefined) => {
      asked.push(source);
      return [source ?? "default"];
    };
    const settings = { configured: ["default", "vm", "thanos"], dashboardDatasource: "${DS}" };
    const resolved = await resolveVariables(withSource, { DS: ["vm"] }, fetcher, settings);
    expect(resolved[0]).toMatchObject({ options: ["default", "vm", "thanos"], selected: ["vm"] });
    expect(resolved[1]).toMatchObject({ source: "vm", options: ["vm"] });
    expect(resolved[2]?.source).toBeUndefined();
    expect(asked).toEqual(["vm", undefined]);
    expect(interpolate("${DS}", variableValuesOf(resolved, withSource))).toBe("vm");
  });

  it("fall back to the default source when the URL or the saved choice names one not configured", async () => {
    const resolved = await resolveVariables(withSource.slice(0, 1), { DS: ["gone"] }, async () => [], { configured: ["default", "vm"] });
    expect(resolved[0]?.selected).toEqual(["default"]);
  });
});
