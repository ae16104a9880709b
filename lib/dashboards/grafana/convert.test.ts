import { describe, expect, it } from "vitest";
import type { Panel } from "../schema";
import { chooseUid, convertGrafanaDashboard, convertGrafanaText, slugify } from "./convert";
import { GrafanaImportError } from "./errors";

type Json = Record<string, unknown>;

function dashboard(panels: Json[], extra: Json = {}): Json {
  return { uid: "test-board", title: "Test board", schemaVersion: 39, panels, ...extra };
}

function convertPanels(panels: Json[], extra: Json = {}) {
  return convertGrafanaDashboard(dashboard(panels, extra));
}

function only(panels: Json[], extra: Json = {}): { panel: Panel; status: string; reason: string | null } {
  const result = convertPanels(panels, extra);
  const panel = result.dashboard.panels[0];
  const report = result.report.panels[0];
  if (!panel || panel.type === "row" || !report) throw new Error("expected one panel");
  return { panel, status: report.status, reason: report.reason };
}

const grid = { x: 0, y: 0, w: 12, h: 8 };
const target = (expr: string, extra: Json = {}) => ({ refId: "A", expr, ...extra });

describe("panels", () => {
  it("graph: yaxes format, min/max, stack, bars, legend, aliasColors and seriesOverrides colours", () => {
    const { panel, status, reason } = only([
      {
        id: 3,
        type: "graph",
        title: "Requests",
        gridPos: grid,
        targets: [target("sum(rate(http_requests_total[5m])) by (code)", { legendFormat: "{{code}}", interval: ">30s" })],
        yaxes: [{ format: "reqps", min: "0", max: null, decimals: 2 }, { format: "short" }],
        stack: true,
        bars: true,
        fill: 5,
        linewidth: 3,
        legend: { show: true, values: true, current: true, max: true, rightSide: false },
        aliasColors: { "500": "rgba(245, 54, 54, 0.9)" },
        seriesOverrides: [{ alias: "/2../", color: "#73BF69" }],
      },
    ]);
    expect(status).toBe("converted");
    expect(reason).toBeNull();
    expect(panel).toMatchObject({
      id: "3",
      type: "timeseries",
      targets: [{ refId: "A", legendFormat: "{{code}}", minInterval: "30s", instant: false }],
      fieldConfig: {
        defaults: { unit: "reqps", min: 0, decimals: 2 },
        overrides: [
          { matcher: { type: "byName", value: "500" }, properties: { color: "#f53636e6" } },
          { matcher: { type: "byRegexp", value: "2.." }, properties: { color: "#73BF69" } },
        ],
      },
      options: { drawStyle: "bars", stacking: "normal", fillOpacity: 50, lineWidth: 3, legend: { show: true, placement: "bottom", calcs: ["last", "max"] } },
    });
  });

  it("graph: a right y axis, dashes and threshold lines make it partial, each with its reason", () => {
    const { status, reason } = only([
      {
        type: "graph",
        title: "Mixed",
        gridPos: grid,
        targets: [target("up")],
        yaxes: [{ format: "decmbytes", logBase: 10 }],
        seriesOverrides: [{ alias: "errors", yaxis: 2, dashes: true }],
        thresholds: [{ value: 10, colorMode: "critical", op: "gt" }],
      },
    ]);
    expect(status).toBe("partial");
    expect(reason).toContain('unit "decmbytes" has no equivalent');
    expect(reason).toContain('series "errors" on the right y axis');
    expect(reason).toContain('"dashes"');
    expect(reason).toContain("graph threshold lines are not drawn");
    expect(reason).toContain("the logarithmic y axis (base 10) is drawn linear");
  });

  it("timeseries: drawStyle, stacking, fill, legend calcs, thresholds, overrides by name and regex", () => {
    const { panel, status } = only([
      {
        type: "timeseries",
        title: "Latency",
        gridPos: grid,
        targets: [target("histogram_quantile(0.99, rate(x_bucket[5m]))", { legendFormat: "__auto" })],
        fieldConfig: {
          defaults: {
            unit: "ms",
            decimals: 1,
            min: 0,
            max: 2000,
            custom: { drawStyle: "points", stacking: { mode: "percent" }, fillOpacity: 25, lineWidth: 2 },
            thresholds: { mode: "percentage", steps: [{ value: null, color: "green" }, { value: 80, color: "red" }] },
          },
          overrides: [
            { matcher: { id: "byName", options: "p99" }, properties: [{ id: "color", value: { mode: "fixed", fixedColor: "purple" } }, { id: "unit", value: "s" }] },
            { matcher: { id: "byRegexp", options: "/p9.*/" }, properties: [{ id: "custom.hideFrom", value: { viz: true, legend: true } }, { id: "displayName", value: "tail" }] },
          ],
        },
        options: { legend: { displayMode: "table", placement: "right", calcs: ["mean", "lastNotNull", "max"] } },
      },
    ]);
    expect(status).toBe("converted");
    expect(panel).toMatchObject({
      type: "timeseries",
      targets: [{ expr: "histogram_quantile(0.99, rate(x_bucket[5m]))" }],
      fieldConfig: {
        defaults: { unit: "ms", decimals: 1, min: 0, max: 2000, thresholds: { mode: "percentage", steps: [{ value: null, color: "green" }, { value: 80, color: "red" }] } },
        overrides: [
          { matcher: { type: "byName", value: "p99" }, properties: { color: "purple", unit: "s" } },
          { matcher: { type: "byRegexp", value: "/p9.*/" }, properties: { hidden: true, displayName: "tail" } },
        ],
      },
      options: { drawStyle: "points", stacking: "percent", fillOpacity: 25, lineWidth: 2, legend: { show: true, placement: "right", calcs: ["mean", "lastNotNull", "max"] } },
    });
    if (panel.type === "timeseries") expect(panel.targets[0]?.legendFormat).toBeUndefined();
  });

  it("timeseries: overrides by type and value mappings are reported", () => {
    const { status, reason } = only([
      {
        type: "timeseries",
        gridPos: grid,
        targets: [target("up")],
        fieldConfig: {
          defaults: { mappings: [{ type: "value", options: { "1": { text: "UP" } } }], custom: { scaleDistribution: { type: "log", log: 2 } } },
          overrides: [{ matcher: { id: "byType", options: "number" }, properties: [{ id: "unit", value: "s" }] }],
        },
      },
    ]);
    expect(status).toBe("partial");
    expect(reason).toContain("value mappings are not supported");
    expect(reason).toContain('series override matched "byType" is not supported');
    expect(reason).toContain("the logarithmic y axis (base 2) is drawn linear");
  });

  it("stat: reducer, colour and graph mode", () => {
    const { panel } = only([
      {
        type: "stat",
        gridPos: grid,
        targets: [target("sum(up)", { instant: true })],
        fieldConfig: { defaults: { unit: "percentunit" } },
        options: { reduceOptions: { calcs: ["max"] }, colorMode: "background", graphMode: "none" },
      },
    ]);
    expect(panel).toMatchObject({ type: "stat", targets: [{ instant: true }], fieldConfig: { defaults: { unit: "percentunit" } }, options: { reduce: "max", colorMode: "background", graphMode: "none" } });
  });

  it("stat: a calculation we do not have falls back to lastNotNull, reported", () => {
    const { panel, status, reason } = only([{ type: "stat", gridPos: grid, targets: [target("up")], options: { reduceOptions: { calcs: ["range"] } } }]);
    expect(panel).toMatchObject({ options: { reduce: "lastNotNull" } });
    expect(status).toBe("partial");
    expect(reason).toContain('calculation "range" is not supported');
  });

  it("singlestat: format, decimals, thresholds string with colours, sparkline, background", () => {
    const { panel, status } = only([
      {
        type: "singlestat",
        gridPos: grid,
        targets: [target("avg(up)")],
        format: "percent",
        decimals: 1,
        thresholds: "80,90",
        colors: ["#299c46", "rgba(237, 129, 40, 0.89)", "#d44a3a"],
        colorBackground: true,
        valueName: "current",
        sparkline: { show: true },
        valueMaps: [{ op: "=", text: "N/A", value: "null" }],
      },
    ]);
    expect(status).toBe("converted");
    expect(panel).toMatchObject({
      type: "stat",
      fieldConfig: {
        defaults: {
          unit: "percent",
          decimals: 1,
          thresholds: { mode: "absolute", steps: [{ value: null, color: "#299c46" }, { value: 80, color: "#ed8128e3" }, { value: 90, color: "#d44a3a" }] },
        },
      },
      options: { reduce: "lastNotNull", colorMode: "background", graphMode: "area" },
    });
  });

  it("singlestat with its gauge shown becomes a gauge; prefix and value maps are reported", () => {
    const { panel, status, reason } = only([
      {
        type: "singlestat",
        gridPos: grid,
        targets: [target("avg(up)")],
        format: "none",
        valueName: "avg",
        prefix: "~",
        gauge: { show: true, minValue: 0, maxValue: 1, thresholdMarkers: false },
        valueMaps: [{ op: "=", text: "DOWN", value: "0" }],
      },
    ]);
    expect(panel).toMatchObject({ type: "gauge", fieldConfig: { defaults: { unit: "none", min: 0, max: 1 } }, options: { reduce: "mean", showThresholdMarkers: false } });
    expect(status).toBe("partial");
    expect(reason).toContain("prefix and postfix");
    expect(reason).toContain("value mappings");
  });

  it("gauge and bargauge", () => {
    const result = convertPanels([
      { type: "gauge", gridPos: grid, targets: [target("a")], options: { reduceOptions: { calcs: ["last"] }, showThresholdMarkers: false }, fieldConfig: { defaults: { min: 0, max: 1 } } },
      { type: "bargauge", gridPos: { ...grid, x: 12 }, targets: [target("b")], options: { reduceOptions: { calcs: ["sum"] }, orientation: "vertical", displayMode: "lcd" } },
    ]);
    expect(result.dashboard.panels).toMatchObject([
      { type: "gauge", options: { reduce: "last", showThresholdMarkers: false }, fieldConfig: { defaults: { min: 0, max: 1 } } },
      { type: "bargauge", options: { reduce: "sum", orientation: "vertical", displayMode: "lcd" } },
    ]);
    expect(result.report.panels.map((panel) => panel.status)).toEqual(["converted", "converted"]);
  });

  it("table: instant query, sort; transformations are reported", () => {
    const { panel, status, reason } = only([
      {
        type: "table",
        gridPos: grid,
        targets: [target("up", { instant: true, format: "table" })],
        options: { sortBy: [{ displayName: "Value", desc: false }] },
        transformations: [{ id: "organize", options: {} }],
      },
    ]);
    expect(panel).toMatchObject({ type: "table", targets: [{ instant: true }], options: { sortBy: { column: "Value", desc: false } } });
    expect(status).toBe("partial");
    expect(reason).toContain("transformations are not applied");
  });

  it("heatmap: buckets from the heatmap format or _bucket queries, colour scheme old and new", () => {
    const result = convertPanels([
      { type: "heatmap", gridPos: grid, targets: [target("sum(rate(x_bucket[5m])) by (le)", { format: "heatmap" })], color: { colorScheme: "interpolateBlues" } },
      { type: "heatmap", gridPos: { ...grid, x: 12 }, targets: [target("rate(x_total[5m])")], options: { color: { scheme: "Viridis" } } },
    ]);
    expect(result.dashboard.panels).toMatchObject([
      { type: "heatmap", options: { yAxis: "buckets", colorScheme: "blues" } },
      { type: "heatmap", options: { yAxis: "series", colorScheme: "viridis" } },
    ]);
  });

  it("text: markdown content new and old; html is reported", () => {
    const result = convertPanels([
      { type: "text", gridPos: grid, options: { mode: "markdown", content: "# Runbook\nSee *this*." } },
      { type: "text", gridPos: { ...grid, x: 12 }, mode: "html", content: "<b>hi</b>" },
    ]);
    expect(result.dashboard.panels).toMatchObject([
      { type: "text", options: { content: "# Runbook\nSee *this*." } },
      { type: "text", options: { content: "<b>hi</b>" } },
    ]);
    expect(result.report.panels.map((panel) => panel.status)).toEqual(["converted", "partial"]);
  });

  it("an unknown panel type stays as an unsupported panel that says what it was and keeps its queries", () => {
    const { panel, status, reason } = only([
      { type: "piechart", title: "Share", gridPos: grid, targets: [target("sum by (model) (rate(tokens_total[5m]))", { legendFormat: "{{model}}" })] },
    ]);
    expect(status).toBe("unsupported");
    expect(reason).toBe("Vigil has no pie chart panel");
    expect(panel).toMatchObject({
      type: "unsupported",
      title: "Share",
      options: { originalType: "piechart", reason: "Vigil has no pie chart panel" },
      targets: [{ expr: "sum by (model) (rate(tokens_total[5m]))", legendFormat: "{{model}}", hide: true }],
    });
  });

  it("a panel on another data source is unsupported, with its queries in the reason", () => {
    const { panel, status, reason } = only([
      { type: "timeseries", title: "Logs rate", gridPos: grid, datasource: { type: "loki", uid: "abc" }, targets: [{ refId: "A", expr: 'sum(rate({app="x"}[1m]))' }] },
    ]);
    expect(status).toBe("unsupported");
    expect(reason).toBe('queries loki data source, not Prometheus: loki: sum(rate({app="x"}[1m]))');
    expect(panel.type).toBe("unsupported");
  });

  it("a mixed panel keeps its Prometheus queries and reports the others", () => {
    const { panel, status, reason } = only([
      {
        type: "timeseries",
        gridPos: grid,
        datasource: "-- Mixed --",
        targets: [
          { refId: "A", datasource: { type: "prometheus", uid: "p" }, expr: "up" },
          { refId: "B", datasource: { type: "mysql", uid: "m" }, rawSql: "select 1" },
        ],
      },
    ]);
    expect(panel).toMatchObject({ type: "timeseries", targets: [{ refId: "A", expr: "up" }] });
    expect(status).toBe("partial");
    expect(reason).toContain("mysql: select 1");
  });

  it("repeat, relative time and a panel without queries are reported", () => {
    const { status, reason } = only([{ type: "stat", gridPos: grid, repeat: "instance", timeFrom: "1h", targets: [] }]);
    expect(status).toBe("partial");
    expect(reason).toContain("repeated by $instance");
    expect(reason).toContain("relative time");
    expect(reason).toContain("no Prometheus query");
  });

  it("a library panel reference without its model is unsupported", () => {
    const { status, reason } = only([{ id: 9, gridPos: grid, libraryPanel: { uid: "lib1", name: "Shared latency" } }]);
    expect(status).toBe("unsupported");
    expect(reason).toContain('library panel "Shared latency"');
  });

  it("duplicate and missing panel ids and refIds get unique ones; gridPos is clamped", () => {
    const result = convertPanels([
      { id: 1, type: "stat", gridPos: { x: 30, y: 0, w: 40, h: 500 }, targets: [target("a"), { refId: "A", expr: "b" }, { refId: "bad id!", expr: "c" }] },
      { id: 1, type: "stat", gridPos: { x: 0, y: 100, w: 6, h: 4 }, targets: [target("d")] },
      { type: "stat", targets: [target("e")] },
    ]);
    const panels = result.dashboard.panels;
    // The panel without a gridPos sorts first (at 0,0), as in Grafana.
    expect(panels.map((panel) => panel.id)).toEqual(["panel-1", "1", "panel-2"]);
    expect(panels[1]).toMatchObject({ gridPos: { x: 0, y: 0, w: 24, h: 100 }, targets: [{ refId: "A" }, { refId: "B" }, { refId: "C" }] });
  });
});

describe("rows", () => {
  it("an expanded row takes the top-level panels after it; a collapsed row keeps its nested panels; y is relative to the row", () => {
    const result = convertPanels([
      { id: 1, type: "stat", title: "Before rows", gridPos: { x: 0, y: 0, w: 24, h: 4 }, targets: [target("a")] },
      { id: 2, type: "row", title: "Open", collapsed: false, gridPos: { x: 0, y: 4, w: 24, h: 1 }, panels: [] },
      { id: 3, type: "timeseries", title: "In open", gridPos: { x: 0, y: 5, w: 12, h: 8 }, targets: [target("b")] },
      { id: 4, type: "gauge", title: "Also in open", gridPos: { x: 12, y: 5, w: 12, h: 8 }, targets: [target("c")] },
      {
        id: 5,
        type: "row",
        title: "Closed",
        collapsed: true,
        gridPos: { x: 0, y: 13, w: 24, h: 1 },
        panels: [{ id: 6, type: "table", title: "In closed", gridPos: { x: 0, y: 14, w: 24, h: 6 }, targets: [target("d")] }],
      },
    ]);
    expect(result.dashboard.panels).toMatchObject([
      { type: "stat", id: "1", gridPos: { y: 0 } },
      {
        type: "row",
        id: "2",
        title: "Open",
        collapsed: false,
        panels: [
          { id: "3", title: "In open", gridPos: { x: 0, y: 0 } },
          { id: "4", title: "Also in open", gridPos: { x: 12, y: 0 } },
        ],
      },
      { type: "row", id: "5", title: "Closed", collapsed: true, panels: [{ id: "6", title: "In closed", gridPos: { y: 0, h: 6 } }] },
    ]);
    expect(result.report.panels.map((panel) => panel.title)).toEqual(["Before rows", "In open", "Also in open", "In closed"]);
  });

  it("panels out of order in the file are placed by gridPos, as Grafana does", () => {
    const result = convertPanels([
      { id: 3, type: "stat", title: "In row", gridPos: { x: 0, y: 1, w: 6, h: 4 }, targets: [target("a")] },
      { id: 2, type: "row", title: "Row", gridPos: { x: 0, y: 0, w: 24, h: 1 } },
    ]);
    expect(result.dashboard.panels).toMatchObject([{ type: "row", panels: [{ id: "3", gridPos: { y: 0 } }] }]);
  });
});

describe("variables", () => {
  const convertVariables = (list: Json[]) => convertGrafanaDashboard(dashboard([], { templating: { list } }));

  it("query: string and {query} forms, label_values and query_result, regex, multi, includeAll, allValue, current, sort", () => {
    const result = convertVariables([
      {
        type: "query",
        name: "job",
        label: "Job",
        query: "label_values(up, job)",
        regex: "/(.*)-svc/",
        multi: true,
        includeAll: true,
        allValue: ".*",
        current: { text: ["All"], value: ["$__all"] },
        sort: 3,
        hide: 0,
      },
      { type: "query", name: "instance", query: { query: 'label_values(up{job=~"$job"}, instance)', refId: "PrometheusVariableQueryEditor-VariableQuery" }, current: { text: "a", value: "a" } },
      { type: "query", name: "top", query: "query_result(topk(5, sum by (model) (rate(x[5m]))))", hide: 2 },
    ]);
    expect(result.dashboard.variables).toEqual([
      { type: "query", name: "job", label: "Job", query: "label_values(up, job)", regex: "/(.*)-svc/", multi: true, includeAll: true, allValue: ".*", current: ["$__all"], sort: "numerical", hide: false },
      { type: "query", name: "instance", query: 'label_values(up{job=~"$job"}, instance)', multi: false, includeAll: false, current: ["a"], sort: "none", hide: false },
      { type: "query", name: "top", query: "query_result(topk(5, sum by (model) (rate(x[5m]))))", multi: false, includeAll: false, current: [], sort: "none", hide: true },
    ]);
    expect(result.report.variables.map((variable) => variable.status)).toEqual(["converted", "converted", "converted"]);
  });

  it("query: metrics() and label_names() have no equivalent and become a text box with the current value", () => {
    const result = convertVariables([{ type: "query", name: "metric", query: "metrics(node_.*)", current: { value: "node_load1" } }]);
    expect(result.dashboard.variables).toEqual([{ type: "textbox", name: "metric", value: "node_load1", hide: false }]);
    expect(result.report.variables[0]).toMatchObject({ status: "partial", reason: expect.stringContaining("metrics(node_.*)") });
  });

  it("custom with text : value pairs and escaped commas; interval; constant; textbox; datasource", () => {
    const result = convertVariables([
      { type: "custom", name: "quantile", query: "p50 : 0.5,p99 : 0.99,a\\,b", multi: false, current: { value: "0.99" } },
      { type: "interval", name: "window", query: "1m,5m,1h,auto", auto: true, current: { value: "5m" } },
      { type: "constant", name: "cluster", query: "prod-eu" },
      { type: "textbox", name: "filter", query: ".*", label: "Filter" },
      { type: "datasource", name: "ds", query: "prometheus" },
    ]);
    expect(result.dashboard.variables).toEqual([
      { type: "custom", name: "quantile", options: [{ text: "p50", value: "0.5" }, { text: "p99", value: "0.99" }, { text: "a,b", value: "a,b" }], multi: false, includeAll: false, current: ["0.99"], hide: false },
      { type: "interval", name: "window", options: ["1m", "5m", "1h"], current: ["5m"], hide: false },
      { type: "constant", name: "cluster", value: "prod-eu", hide: true },
      { type: "textbox", name: "filter", label: "Filter", value: ".*", hide: false },
      { type: "datasource", name: "ds", current: [], hide: false },
    ]);
    expect(result.report.variables).toEqual([
      { name: "quantile", type: "custom", status: "converted", reason: null },
      { name: "window", type: "interval", status: "partial", reason: expect.stringContaining('"auto"') },
      { name: "cluster", type: "constant", status: "converted", reason: null },
      { name: "filter", type: "textbox", status: "converted", reason: null },
      { name: "ds", type: "datasource", status: "converted", reason: null },
    ]);
  });

  it("ad hoc filters, reserved names and duplicates are left out as unsupported, with the reason", () => {
    const result = convertVariables([
      { type: "adhoc", name: "Filters" },
      { type: "constant", name: "__x", query: "1" },
      { type: "constant", name: "a", query: "1" },
      { type: "constant", name: "a", query: "2" },
    ]);
    expect(result.dashboard.variables).toEqual([{ type: "constant", name: "a", value: "1", hide: true }]);
    expect(result.report.variables.map((variable) => [variable.name, variable.status])).toEqual([
      ["Filters", "unsupported"],
      ["__x", "unsupported"],
      ["a", "converted"],
      ["a", "unsupported"],
    ]);
    expect(result.report.variables[0]?.reason).toContain("ad hoc filters are not supported");
  });

  it("a query variable on a Loki data source becomes a text box", () => {
    const result = convertVariables([{ type: "query", name: "app", datasource: { type: "loki", uid: "l" }, query: "label_values(app)" }]);
    expect(result.dashboard.variables[0]).toMatchObject({ type: "textbox", name: "app" });
    expect(result.report.variables[0]?.reason).toContain("loki");
  });
});

describe("datasource placeholders and wrappers", () => {
  it("resolves ${DS_PROMETHEUS} through __inputs and replaces constant inputs", () => {
    const result = convertGrafanaDashboard({
      __inputs: [
        { name: "DS_PROMETHEUS", label: "Prometheus", type: "datasource", pluginId: "prometheus" },
        { name: "DS_LOKI", type: "datasource", pluginId: "loki" },
        { name: "VAR_JOB", type: "constant", value: 'vllm "main"' },
      ],
      ...dashboard([
        { type: "timeseries", title: "Job ${VAR_JOB}", gridPos: grid, datasource: "${DS_PROMETHEUS}", targets: [target('up{job="${VAR_JOB}"}')] },
        { type: "timeseries", title: "Logs", gridPos: { ...grid, x: 12 }, datasource: { type: "${DS_LOKI}", uid: "${DS_LOKI}" }, targets: [target("{app=\"x\"}")] },
      ]),
    });
    expect(result.dashboard.panels[0]).toMatchObject({ type: "timeseries", title: 'Job vllm "main"', targets: [{ expr: 'up{job="vllm "main""}' }] });
    expect(result.report.panels.map((panel) => panel.status)).toEqual(["converted", "unsupported"]);
    expect(result.report.panels[1]?.reason).toContain("loki");
  });

  it("resolves $datasource through the datasource variable's plugin", () => {
    const result = convertGrafanaDashboard(
      dashboard([{ type: "stat", gridPos: grid, datasource: "$logs", targets: [target("x")] }], { templating: { list: [{ type: "datasource", name: "logs", query: "elasticsearch" }] } }),
    );
    expect(result.report.panels[0]).toMatchObject({ status: "unsupported", reason: expect.stringContaining("elasticsearch") });
  });

  it('unwraps the API export {"dashboard": {...}, "meta": {...}}', () => {
    const result = convertGrafanaDashboard({ dashboard: dashboard([{ type: "stat", gridPos: grid, targets: [target("up")] }]), meta: { slug: "x" } });
    expect(result.dashboard.uid).toBe("test-board");
    expect(result.dashboard.panels).toHaveLength(1);
  });

  it("unwraps a Kubernetes-style v1 resource whose spec is the classic model", () => {
    const result = convertGrafanaDashboard({ apiVersion: "dashboard.grafana.app/v1beta1", kind: "Dashboard", metadata: { name: "x" }, spec: dashboard([]) });
    expect(result.dashboard.title).toBe("Test board");
  });
});

describe("dashboard fields and uid", () => {
  it("keeps a valid uid, else slugs the title; --uid and title options win", () => {
    expect(chooseUid("abc-1", "T")).toBe("abc-1");
    expect(chooseUid("Oxed_c6Wz", "NVIDIA DCGM Exporter Dashboard")).toBe("nvidia-dcgm-exporter-dashboard");
    expect(chooseUid(undefined, "Über  Latenz — p99!")).toBe("uber-latenz-p99");
    expect(slugify("!!!")).toBe("imported-dashboard");
    expect(slugify("a".repeat(80))).toHaveLength(64);
    const result = convertGrafanaDashboard(dashboard([]), { uid: "mine", title: "My copy" });
    expect(result.dashboard).toMatchObject({ uid: "mine", title: "My copy" });
  });

  it("refuses a --uid our schema does not accept, naming the field", () => {
    expect(() => convertGrafanaDashboard(dashboard([]), { uid: "Bad_Uid" })).toThrow(/uid: "Bad_Uid" must be lower-case/);
  });

  it("tags, time, description; an unknown refresh is off with a note; annotations and links are noted", () => {
    const result = convertGrafanaDashboard(
      dashboard([], {
        tags: ["gpu", " gpu ", "", "x".repeat(60)],
        time: { from: "now-24h", to: "now" },
        refresh: "15m",
        description: "About GPUs",
        annotations: { list: [{ builtIn: 1, name: "Annotations & Alerts" }, { name: "Deploys", expr: "changes(x[1m])" }] },
        links: [{ title: "Docs", url: "https://example.com" }],
      }),
    );
    expect(result.dashboard).toMatchObject({ tags: ["gpu", "x".repeat(50)], time: { from: "now-24h", to: "now" }, refresh: "off", description: "About GPUs" });
    expect(result.notes).toEqual(["1 annotation query is not imported.", "Dashboard links are not imported.", 'Auto-refresh "15m" is not one Vigil offers; it is off.']);
  });
});

describe("input that is not a Grafana dashboard", () => {
  const refuse = (text: string) => {
    try {
      convertGrafanaText(text);
    } catch (error) {
      expect(error).toBeInstanceOf(GrafanaImportError);
      const message = error instanceof Error ? error.message : "";
      expect(message).toContain("Vigil imports Grafana dashboard JSON");
      return message;
    }
    throw new Error("expected a refusal");
  };

  it("bad JSON, with where", () => expect(refuse('{"panels": [')).toMatch(/^The file is not valid JSON \(/));
  it("an empty file", () => expect(refuse("  ")).toMatch(/^The file is empty/));
  it("an array", () => expect(refuse("[{}, {}]")).toMatch(/^This is a JSON array of 2 items/));
  it("a JSON string", () => expect(refuse('"x"')).toMatch(/^This is a JSON string/));
  it("Grafana 12 v2 resource", () =>
    expect(refuse(JSON.stringify({ apiVersion: "dashboard.grafana.app/v2beta1", kind: "Dashboard", metadata: {}, spec: { elements: {}, layout: {} } }))).toMatch(/Grafana 12 dashboard in the v2 schema \(dashboard\.grafana\.app\/v2beta1\)/));
  it("Grafana 12 v2 bare spec", () => expect(refuse(JSON.stringify({ title: "x", elements: {}, layout: {} }))).toMatch(/Grafana 12 dashboard in the v2 schema/));
  it("a Perses dashboard", () =>
    expect(refuse(JSON.stringify({ kind: "Dashboard", metadata: { name: "x", project: "p" }, spec: { display: { name: "x" }, panels: {}, layouts: [] } }))).toMatch(/^This is a Perses dashboard/));
  it("a Kibana NDJSON export", () =>
    expect(refuse('{"attributes":{"title":"x"},"id":"1","type":"dashboard"}\n{"attributes":{},"id":"2","type":"visualization"}\n')).toMatch(/^This is a Kibana saved-objects export \(NDJSON\)/));
  it("a Kibana JSON export", () => expect(refuse(JSON.stringify({ version: "7.10", objects: [] }))).toMatch(/^This is a Kibana saved-objects export/));
  it("a Datadog dashboard", () => expect(refuse(JSON.stringify({ title: "x", widgets: [], layout_type: "ordered" }))).toMatch(/^This is a Datadog dashboard/));
  it("a Grafana 4 rows dashboard", () => expect(refuse(JSON.stringify({ title: "x", schemaVersion: 14, rows: [] }))).toMatch(/Grafana 4 or older \(schemaVersion 14\)/));
  it("some other object, naming its keys", () => expect(refuse(JSON.stringify({ foo: 1, bar: 2 }))).toMatch(/no "panels" list \(its top-level keys are "foo", "bar"\)/));
});

describe("data sources mapped to configured sources", () => {
  const sources = ["default", "vm", "thanos-eu"];
  const convert = (panels: Json[], extra: Json = {}) => convertGrafanaDashboard(dashboard(panels, extra), { sources });

  it("maps names and uids matching a configured source, keeps $DS references, and sends the rest to the default source", () => {
    const result = convert(
      [
        { type: "timeseries", title: "By uid", gridPos: grid, datasource: { type: "prometheus", uid: "vm" }, targets: [target("up")] },
        { type: "stat", title: "By name", gridPos: { ...grid, x: 12 }, datasource: "Thanos EU", targets: [target("up")] },
        { type: "stat", title: "Variable", gridPos: { ...grid, y: 8 }, datasource: "${DS}", targets: [target("up")] },
        { type: "stat", title: "Unknown", gridPos: { ...grid, x: 12, y: 8 }, datasource: { type: "prometheus", uid: "P1809F7CD0C75ACF3" }, targets: [target("up")] },
        { type: "stat", title: "Query-level", gridPos: { ...grid, y: 16 }, targets: [target("up", { datasource: { type: "prometheus", uid: "vm" } })] },
      ],
      { templating: { list: [{ type: "datasource", name: "DS", query: "prometheus", current: { value: "vm" } }] } },
    );
    const panels = result.dashboard.panels.flatMap((item) => (item.type === "row" ? [] : [[item.title, item.datasource]]));
    expect(panels).toEqual([
      ["By uid", "vm"],
      ["By name", "thanos-eu"],
      ["Variable", "${DS}"],
      ["Unknown", undefined],
      ["Query-level", "vm"],
    ]);
    expect(result.dashboard.variables[0]).toMatchObject({ type: "datasource", name: "DS", current: ["vm"] });
    expect(result.notes.join(" ")).toContain('"vm" → vm');
    expect(result.notes.join(" ")).toContain('"Thanos EU" → thanos-eu');
    expect(result.notes.join(" ")).toMatch(/"P1809F7CD0C75ACF3" matches no configured source \(default, vm, thanos-eu\); its panels query the default source/);
  });

  it("says when a panel's queries name different sources", () => {
    const { panel, reason } = only([
      { type: "timeseries", gridPos: grid, datasource: "-- Mixed --", targets: [target("up", { datasource: { uid: "vm" } }), target("up", { refId: "B", datasource: { uid: "thanos-eu" } })] },
    ]);
    expect(panel.datasource).toBeUndefined();
    expect(reason).toBeNull();
    const mixed = convertGrafanaDashboard(
      dashboard([{ type: "timeseries", gridPos: grid, datasource: "-- Mixed --", targets: [target("up", { datasource: { uid: "vm" } }), target("up", { refId: "B", datasource: { uid: "thanos-eu" } })] }]),
      { sources },
    );
    expect(mixed.report.panels[0]?.reason).toContain("its queries name different sources; all run against vm");
  });

  it("maps everything to the default source when only the default is configured", () => {
    const result = convertGrafanaDashboard(dashboard([{ type: "stat", gridPos: grid, datasource: { uid: "vm" }, targets: [target("up")] }]));
    const [first] = result.dashboard.panels;
    expect(first && first.type !== "row" ? first.datasource : "row").toBeUndefined();
    expect(result.notes.join(" ")).toContain('"vm" matches no configured source (default)');
  });
});
