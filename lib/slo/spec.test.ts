import { describe, expect, it } from "vitest";
import { loadSlos } from "./load";
import { parseSelector, parseSloFile, parseSloFiles, sloFromStoredSpec, specIssues, storedSloSpecSchema, storedSpecInput } from "./spec";

const SLOTH = `
version: "prometheus/v1"
service: "myservice"
labels:
  owner: "myteam"
  repo: "myorg/myservice"
slos:
  - name: "requests-availability"
    objective: 99.9
    description: "Common SLO based on availability for HTTP request responses."
    labels:
      category: availability
    sli:
      events:
        error_query: sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))
        total_query: sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))
    alerting:
      name: "MyServiceHighErrorRate"
      labels:
        category: "availability"
      annotations:
        summary: "High error rate on 'myservice' requests responses"
        runbook: "https://runbooks.example.com/myservice"
      page_alert:
        labels:
          severity: "pageteam"
          routing_key: "myteam"
      ticket_alert:
        labels:
          severity: "slack"
          slack_channel: "#alerts-myteam"
  - name: "raw-ratio"
    objective: 99
    sli:
      raw:
        error_ratio_query: |
          sum(rate(errors_total[{{.window}}])) / sum(rate(all_total[{{.window}}]))
    alerting:
      page_alert:
        disable: true
`;

describe("Sloth prometheus/v1 specs", () => {
  it("are read as they are", () => {
    const result = parseSloFile("sloth.yaml", SLOTH);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [availability, raw] = result.slos;
    expect(availability).toMatchObject({
      id: "myservice--requests-availability",
      service: "myservice",
      objective: 0.999,
      window: { kind: "rolling", days: 30 },
      labels: { owner: "myteam", repo: "myorg/myservice", category: "availability" },
      runbookUrl: "https://runbooks.example.com/myservice",
      alerting: { page: true, ticket: true, absent: false },
      source: { format: "prometheus/v1" },
      sli: { kind: "events" },
    });
    expect(raw).toMatchObject({ sli: { kind: "raw" }, alerting: { page: false, ticket: true } });
  });

  it("refuse plugins with a message on the field", () => {
    const result = parseSloFile("p.yaml", `version: prometheus/v1\nservice: s\nslos:\n  - name: a\n    objective: 99\n    sli:\n      plugin:\n        id: sloth-common/availability\n`);
    expect(result).toEqual({ ok: false, problems: [{ file: "p.yaml", path: "slos[0].sli", message: expect.stringContaining("plugins are not supported") }] });
  });
});

describe("vigil/v1 files", () => {
  it("name the field of every problem", () => {
    const result = parseSloFile(
      "bad.yaml",
      `version: vigil/v1
service: s
slos:
  - name: ok
    objective: 100
    window: 14d
    sli:
      latency:
        histogram: x_bucket{job="a"}
        le: fast
  - name: two
    objective: 99
    sli:
      ratio:
        total: x_total
`,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.problems.map((problem) => [problem.path, problem.message]));
    expect(byPath["slos[0].objective"]).toContain("below 100 %");
    expect(byPath["slos[0].window"]).toContain("7d, 28d, 30d or calendar-month");
    expect(byPath["slos[0].sli.latency.le"]).toContain("bucket edge");
    expect(byPath["slos[1].sli.ratio"]).toContain("exactly one of errors or good");
  });

  it("reject typos in keys and a wrong version", () => {
    const typo = parseSloFile("t.yaml", `version: vigil/v1\nservice: s\nslos:\n  - name: a\n    objectve: 99\n    sli: {bool: {expr: up}}\n`);
    expect(typo.ok).toBe(false);
    const version = parseSloFile("v.yaml", `version: v2\nservice: s\n`);
    expect(version).toEqual({ ok: false, problems: [{ file: "v.yaml", path: "version", message: expect.stringContaining("vigil/v1") }] });
    const yaml = parseSloFile("y.yaml", `version: [`);
    expect(yaml.ok).toBe(false);
  });

  it("normalizes latency edges and reads every SLI kind", () => {
    const result = parseSloFile(
      "k.yaml",
      `version: vigil/v1
service: s
labels: {team: a}
slos:
  - {name: lat, objective: 95, window: 7d, sli: {latency: {histogram: 'h_seconds{job="a"}', le: "1.0"}}, groupBy: model}
  - {name: good, objective: 99, window: calendar-month, sli: {ratio: {good: ok_total, total: all_total}}, labels: {team: b}}
  - {name: b, objective: 90, sli: {bool: {expr: x > bool 1}}}
`,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.slos.map((slo) => slo.sli)).toEqual([
      { kind: "latency", histogram: { metric: "h_seconds", matchers: 'job="a"' }, le: "1" },
      { kind: "ratio", good: { metric: "ok_total", matchers: "" }, total: { metric: "all_total", matchers: "" }, errors: undefined },
      { kind: "bool", expr: "x > bool 1" },
    ]);
    expect(result.slos[0]?.window).toEqual({ kind: "rolling", days: 7 });
    expect(result.slos[1]?.window).toEqual({ kind: "calendar-month" });
    expect(result.slos[1]?.labels).toEqual({ team: "b" });
    expect(result.slos[2]?.window).toEqual({ kind: "rolling", days: 30 });
  });

  it("refuse the same SLO twice across files", () => {
    const text = `version: vigil/v1\nservice: s\nslos:\n  - {name: a, objective: 99, sli: {bool: {expr: up}}}\n`;
    const result = parseSloFiles([
      { file: "one.yaml", text },
      { file: "two.yaml", text },
    ]);
    expect(result).toEqual({ ok: false, problems: [{ file: "two.yaml", path: "slos[0].name", message: "SLO s--a is also defined in one.yaml" }] });
  });
});

describe("selectors", () => {
  it("split into metric and matchers", () => {
    expect(parseSelector(`http_requests_total{job="a", status=~"5.."}`)).toEqual({ metric: "http_requests_total", matchers: 'job="a", status=~"5.."' });
    expect(parseSelector("vllm:request_success_total")).toEqual({ metric: "vllm:request_success_total", matchers: "" });
    expect(parseSelector(`x{a="b\\"c"}`)).toEqual({ metric: "x", matchers: 'a="b\\"c"' });
  });

  it("explain what is wrong", () => {
    expect(parseSelector("sum(rate(x[5m]))")).toContain("not a metric name");
    expect(parseSelector(`x{le="1"}`)).toContain("may not match on le");
    expect(parseSelector(`x{a="b" c="d"}`)).toContain('expected ","');
    expect(parseSelector(`x{a="b"`)).toContain("does not end with }");
  });
});

describe("the shipped SLO files", () => {
  it("parse without problems", () => {
    const result = loadSlos("slos");
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.slos.length).toBeGreaterThanOrEqual(15);
  });
});

describe("datasource and stored specs", () => {
  it("reads an SLO's datasource from a vigil/v1 file", () => {
    const result = parseSloFile(
      "ds.yaml",
      "version: vigil/v1\nservice: api\nslos:\n  - name: avail\n    objective: 99\n    datasource: thanos\n    sli:\n      ratio:\n        errors: e_total\n        total: t_total\n",
    );
    expect(result.ok && result.slos[0]?.datasource).toBe("thanos");
  });

  it("validates one stored SLO with the files' schema and builds the same model", () => {
    const spec = storedSloSpecSchema.parse({ service: "api", name: "avail", objective: 99.9, sli: { ratio: { errors: "e_total", total: "t_total" } } });
    const slo = sloFromStoredSpec(spec, { file: "database", format: "stored" });
    expect(slo).toMatchObject({ id: "api--avail", objective: 0.999, window: { kind: "rolling", days: 30 }, sli: { kind: "ratio" }, source: { format: "stored" } });
    expect(storedSloSpecSchema.parse(storedSpecInput(spec))).toEqual(spec);
  });

  it("names the field of each problem", () => {
    const result = storedSloSpecSchema.safeParse({ service: "api", name: "avail", objective: 99.9, sli: { latency: { histogram: "h", le: "soon" } }, datasource: "A B" });
    expect(result.success).toBe(false);
    if (!result.success) expect(specIssues(result.error).map((issue) => issue.path).sort()).toEqual(["datasource", "sli.latency.le"]);
  });
});
