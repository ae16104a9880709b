import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prometheusResponseSchema, tsdbStatusSchema, type TsdbStatus } from "@/lib/prometheus/types";
import { buildCardinalityView, idLabelWarnings } from "./cardinality";

function recorded(): TsdbStatus {
  const text = readFileSync(path.join(import.meta.dirname, "..", "prometheus", "fixtures", "tsdb-status.json"), "utf8");
  const response = prometheusResponseSchema(tsdbStatusSchema).parse(JSON.parse(text));
  if (response.status !== "success") throw new Error("fixture is an error");
  return response.data;
}

describe("buildCardinalityView", () => {
  it("reads Prometheus 2.42's answer, which ignores limit and lists 10 entries", () => {
    const view = buildCardinalityView(recorded(), 20);
    expect(view.headSeries).toBe(718);
    expect(view.metrics[0]).toEqual({ name: "prometheus_http_request_duration_seconds_bucket", value: 120 });
    expect(view.metrics).toHaveLength(10);
    expect(view.limitHonoured).toBe(false);
    expect(buildCardinalityView(recorded(), 10).limitHonoured).toBe(true);
  });

  it("cuts the lists of a server that honours limit and knows it did", () => {
    const status = recorded();
    const many = Array.from({ length: 30 }, (_, index) => ({ name: `m${index}`, value: 100 - index }));
    const view = buildCardinalityView({ ...status, seriesCountByMetricName: many }, 20);
    expect(view.metrics).toHaveLength(20);
    expect(view.limitHonoured).toBe(true);
  });

  it("treats an empty head as having no time range", () => {
    const status = recorded();
    const view = buildCardinalityView({ ...status, headStats: { numSeries: 0, chunkCount: 0, minTime: 9e18, maxTime: -9e18 } }, 10);
    expect(view.minTime).toBeNull();
  });
});

describe("idLabelWarnings", () => {
  it("warns about ID-like names with many values and ID-like values, not bounded labels", () => {
    const warnings = idLabelWarnings({
      labelValueCountByLabelName: [
        { name: "user_id", value: 50_000 },
        { name: "request_id", value: 90_000 },
        { name: "instance", value: 2_000 },
        { name: "session", value: 12 },
        { name: "model", value: 300 },
      ],
      seriesCountByLabelValuePair: [
        { name: "trace=4bf92f3577b34da6a3ce929d0e0e4736", value: 3 },
        { name: "customer=018f4c3e-7d8a-7b6c-9e1f-2a3b4c5d6e7f", value: 2 },
        { name: "pod=12345678", value: 9 },
        { name: "model=llama", value: 500 },
      ],
    });
    expect(warnings.map((warning) => warning.label)).toEqual(["request_id", "user_id", "trace", "customer"]);
    expect(warnings[2]?.reason).toMatch(/UUID-like/);
    expect(warnings[3]?.example).toBe("018f4c3e-7d8a-7b6c-9e1f-2a3b4c5d6e7f");
  });
});
