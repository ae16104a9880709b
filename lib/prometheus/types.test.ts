import { describe, expect, it } from "vitest";
import { fixtureServer } from "@/lib/http/fake-fetch";
import {
  envelopeSchema,
  matrixDataSchema,
  prometheusResponseSchema,
  queryDataSchema,
  runtimeInfoSchema,
  targetsDataSchema,
  tsdbStatusSchema,
  vectorDataSchema,
} from "./types";

const fixtures = fixtureServer(new URL("./fixtures/", import.meta.url));

describe("Prometheus API schemas", () => {
  it("reads the success and the error envelope", () => {
    expect(envelopeSchema.parse(fixtures.json("query-vector.json")).status).toBe("success");
    expect(envelopeSchema.parse(fixtures.json("query-error-bad-data.json"))).toEqual({
      status: "error",
      errorType: "bad_data",
      error: 'invalid parameter "query": 1:16: parse error: unclosed left parenthesis',
    });
  });

  // Prometheus 2.42 cannot produce native histograms from its own metrics, so these answers
  // take a recorded float result and add the fields as the API documents them
  // (https://prometheus.io/docs/prometheus/latest/querying/api/#native-histograms).
  it("skips native histogram samples and keeps the float ones", () => {
    const histogram = { count: "10", sum: "3.5", buckets: [[0, "0.5", "1", "10"]] };
    const body = prometheusResponseSchema(queryDataSchema).parse(fixtures.json("query-vector.json"));
    if (body.status !== "success" || body.data.resultType !== "vector") throw new Error("expected a vector");
    const withHistogram = {
      resultType: "vector",
      result: [...body.data.result, { metric: { __name__: "request_duration_seconds" }, histogram: [1795237487, histogram] }],
    };
    expect(vectorDataSchema.parse(withHistogram).result).toEqual(body.data.result);

    const matrix = matrixDataSchema.parse({
      resultType: "matrix",
      result: [
        { metric: { job: "mixed" }, values: [[1, "1"]], histograms: [[2, histogram]] },
        { metric: { job: "only-histograms" }, histograms: [[1, histogram]] },
      ],
    });
    expect(matrix.result).toEqual([{ metric: { job: "mixed" }, values: [[1, "1"]] }]);
  });

  it("reads Go's null slices as empty lists", () => {
    expect(targetsDataSchema.parse({ activeTargets: null, droppedTargets: null })).toEqual({ activeTargets: [], droppedTargets: [] });
    expect(vectorDataSchema.parse({ resultType: "vector", result: null }).result).toEqual([]);
  });

  it("accepts servers that leave out Prometheus-only fields", () => {
    const body = envelopeSchema.parse(fixtures.json("runtimeinfo.json"));
    if (body.status !== "success") throw new Error("expected success");
    expect(runtimeInfoSchema.parse(body.data).storageRetention).toBe("15d");
    expect(runtimeInfoSchema.safeParse({ startTime: "2026-01-01T00:00:00Z", reloadConfigSuccess: true, lastConfigTime: "2026-01-01T00:00:00Z" }).success).toBe(true);
    expect(tsdbStatusSchema.parse({ seriesCountByMetricName: [{ name: "up", value: 3 }] })).toEqual({
      seriesCountByMetricName: [{ name: "up", value: 3 }],
      labelValueCountByLabelName: [],
      memoryInBytesByLabelName: [],
      seriesCountByLabelValuePair: [],
    });
  });

  it("shows an unfamiliar target health as unknown", () => {
    const body = envelopeSchema.parse(fixtures.json("targets.json"));
    if (body.status !== "success") throw new Error("expected success");
    const data = targetsDataSchema.parse(body.data);
    const first = data.activeTargets[0];
    if (!first) throw new Error("expected a target");
    expect(targetsDataSchema.parse({ ...data, activeTargets: [{ ...first, health: "warming" }] }).activeTargets[0]?.health).toBe("unknown");
  });
});
