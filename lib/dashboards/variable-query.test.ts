import { describe, expect, it } from "vitest";
import { applyVariableRegex, parseVariableQuery, queryResultLine, sortVariableValues } from "./variable-query";

describe("parseVariableQuery", () => {
  it("reads label_values with and without a selector", () => {
    expect(parseVariableQuery("label_values(job)")).toEqual({ kind: "label_values", label: "job" });
    expect(parseVariableQuery('label_values(inferno_models_loaded{job="$job"}, model)')).toEqual({
      kind: "label_values",
      label: "model",
      match: 'inferno_models_loaded{job="$job"}',
    });
    expect(parseVariableQuery('label_values(up{a="x,y"}, instance)')).toEqual({ kind: "label_values", label: "instance", match: 'up{a="x,y"}' });
  });

  it("reads query_result, label_names and metrics", () => {
    expect(parseVariableQuery("query_result(topk(3, sum by (model) (rate(x[5m]))))")).toEqual({
      kind: "query_result",
      expr: "topk(3, sum by (model) (rate(x[5m])))",
    });
    expect(parseVariableQuery("label_names()")).toEqual({ kind: "label_names" });
    expect(parseVariableQuery("metrics(^vllm:)")).toEqual({ kind: "metrics", regex: "^vllm:" });
  });

  it("refuses anything else", () => {
    expect(parseVariableQuery("up")).toBeUndefined();
    expect(parseVariableQuery("label_values()")).toBeUndefined();
  });
});

describe("variable values", () => {
  it("prints query_result lines", () => {
    expect(queryResultLine({ __name__: "up", job: "x" }, "1", 1000)).toBe('up{job="x"} 1 1000');
  });

  it("filters and captures with a regex", () => {
    expect(applyVariableRegex(["vllm-0", "vllm-1", "inferno-0"], "/^vllm-(\\d)$/")).toEqual(["0", "1"]);
    expect(applyVariableRegex(['up{job="a"} 1 0'], '/job="(?<value>[^"]+)"/')).toEqual(["a"]);
    expect(applyVariableRegex(["a", "b"], "b")).toEqual(["b"]);
    expect(applyVariableRegex(["a"], "(")).toEqual(["a"]);
  });

  it("sorts and deduplicates", () => {
    expect(sortVariableValues(["b", "a", "b"], "alphabetical")).toEqual(["a", "b"]);
    expect(sortVariableValues(["10", "9", "100"], "numerical")).toEqual(["9", "10", "100"]);
    expect(sortVariableValues(["b", "a"], "none")).toEqual(["b", "a"]);
  });
});
