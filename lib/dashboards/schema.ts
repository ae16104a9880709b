import { z } from "zod";

/*
 * One dashboard model for provisioned files (dashboards/*.json) and dashboards stored in Postgres.
 * It follows Grafana's JSON model where that costs nothing (24-column gridPos, refId, legendFormat,
 * fieldConfig units, threshold steps), so Grafana import is a mapping and readers of either feel at home.
 * Differences: rows always hold their own panels (collapsed or not), and every panel kind is a closed union.
 */

export const DASHBOARD_SCHEMA_VERSION = 1;

/** Grafana's unit ids where one exists, plus our own tokens units. */
export const UNITS = [
  "none",
  "short",
  "percent",
  "percentunit",
  "s",
  "ms",
  "µs",
  "ns",
  "dtdurations",
  "bytes",
  "decbytes",
  "bits",
  "bps",
  "Bps",
  "ops",
  "reqps",
  "tokens",
  "tokens/s",
  "currencyUSD",
  "celsius",
  "watt",
  "kwatt",
  "joule",
  "hertz",
  "dateTimeAsIso",
] as const;
export const unitSchema = z.enum(UNITS);
export type Unit = z.infer<typeof unitSchema>;

const name = z.string().trim().min(1, "is required").max(200, "is longer than 200 characters");

/**
 * Which Prometheus-API source a dashboard, panel or query variable asks: a configured source's
 * name (PROMETHEUS_SOURCES; "default" is PROMETHEUS_URL), or a datasource variable (`$DS`, `${DS}`).
 */
export const datasourceRefSchema = z
  .string()
  .trim()
  .regex(
    /^(?:[a-z0-9][a-z0-9_-]{0,62}|\$[A-Za-z_][A-Za-z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*\}|\[\[[A-Za-z_][A-Za-z0-9_]*\]\])$/,
    'must be a source name such as "default" or a datasource variable such as ${DS}',
  );

export const colorSchema = z
  .string()
  .regex(/^(#[0-9a-fA-F]{3,8}|[a-z]+(-[a-z]+)*)$/, "must be a #hex colour or a colour name such as green or dark-red");

export const thresholdStepSchema = z.object({
  /** null is the base step (from minus infinity). */
  value: z.number().nullable(),
  color: colorSchema,
});

export const thresholdsSchema = z.object({
  mode: z.enum(["absolute", "percentage"]).default("absolute"),
  steps: z.array(thresholdStepSchema).min(1, "needs at least the base step"),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

/** Field settings; every key optional so overrides can reuse the shape. */
export const fieldSettingsSchema = z.object({
  unit: unitSchema.optional(),
  decimals: z.number().int().min(0).max(10).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  thresholds: thresholdsSchema.optional(),
  color: colorSchema.optional(),
  displayName: z.string().max(200).optional(),
  hidden: z.boolean().optional(),
});
export type FieldSettings = z.infer<typeof fieldSettingsSchema>;

export const overrideSchema = z.object({
  matcher: z.object({
    type: z.enum(["byName", "byRegexp"]),
    /** A series' display name (after legendFormat), or a regex over it. */
    value: z.string().min(1),
  }),
  properties: fieldSettingsSchema,
});
export type Override = z.infer<typeof overrideSchema>;

export const fieldConfigSchema = z.object({
  defaults: fieldSettingsSchema.default({}),
  overrides: z.array(overrideSchema).default([]),
});
export type FieldConfig = z.infer<typeof fieldConfigSchema>;

export const targetSchema = z.object({
  refId: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/, "must be a short id such as A"),
  /** PromQL; may use $variables, $__interval, $__rate_interval, $__range. */
  expr: z.string().trim().min(1, "is required").max(20_000),
  /** `{{label}}` templates, as in Grafana. */
  legendFormat: z.string().max(500).optional(),
  /** Query one instant (the range's end) instead of a range. */
  instant: z.boolean().default(false),
  /** Lower bound for the step, e.g. "1m". */
  minInterval: z
    .string()
    .regex(/^\d+(ms|s|m|h|d|w|y)$/, 'must be a duration such as "30s"')
    .optional(),
  hide: z.boolean().default(false),
});
export type Target = z.infer<typeof targetSchema>;

export const gridPosSchema = z.object({
  x: z.number().int().min(0).max(23),
  y: z.number().int().min(0),
  w: z.number().int().min(1).max(24),
  /** Grid units of 30 px. */
  h: z.number().int().min(1).max(100),
});
export type GridPos = z.infer<typeof gridPosSchema>;

export const reducerSchema = z.enum(["last", "lastNotNull", "first", "mean", "min", "max", "sum", "count"]);
export type Reducer = z.infer<typeof reducerSchema>;

const panelBase = {
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be letters, digits, - or _"),
  title: z.string().max(200).default(""),
  description: z.string().max(2_000).optional(),
  gridPos: gridPosSchema,
  /** Overrides the dashboard's source for this panel. */
  datasource: datasourceRefSchema.optional(),
  targets: z.array(targetSchema).max(26).default([]),
  fieldConfig: fieldConfigSchema.default({ defaults: {}, overrides: [] }),
};

export const timeSeriesPanelSchema = z.object({
  ...panelBase,
  type: z.literal("timeseries"),
  options: z
    .object({
      drawStyle: z.enum(["line", "bars", "points"]).default("line"),
      stacking: z.enum(["none", "normal", "percent"]).default("none"),
      fillOpacity: z.number().min(0).max(100).default(0),
      lineWidth: z.number().min(0).max(10).default(1),
      legend: z
        .object({
          show: z.boolean().default(true),
          placement: z.enum(["bottom", "right"]).default("bottom"),
          calcs: z.array(reducerSchema).default([]),
        })
        .default({ show: true, placement: "bottom", calcs: [] }),
    })
    .default({
      drawStyle: "line",
      stacking: "none",
      fillOpacity: 0,
      lineWidth: 1,
      legend: { show: true, placement: "bottom", calcs: [] },
    }),
});

export const statPanelSchema = z.object({
  ...panelBase,
  type: z.literal("stat"),
  options: z
    .object({
      reduce: reducerSchema.default("lastNotNull"),
      colorMode: z.enum(["value", "background", "none"]).default("value"),
      graphMode: z.enum(["area", "none"]).default("area"),
    })
    .default({ reduce: "lastNotNull", colorMode: "value", graphMode: "area" }),
});

export const gaugePanelSchema = z.object({
  ...panelBase,
  type: z.literal("gauge"),
  options: z
    .object({
      reduce: reducerSchema.default("lastNotNull"),
      showThresholdMarkers: z.boolean().default(true),
    })
    .default({ reduce: "lastNotNull", showThresholdMarkers: true }),
});

export const barGaugePanelSchema = z.object({
  ...panelBase,
  type: z.literal("bargauge"),
  options: z
    .object({
      reduce: reducerSchema.default("lastNotNull"),
      orientation: z.enum(["horizontal", "vertical"]).default("horizontal"),
      displayMode: z.enum(["basic", "gradient", "lcd"]).default("gradient"),
    })
    .default({ reduce: "lastNotNull", orientation: "horizontal", displayMode: "gradient" }),
});

export const tablePanelSchema = z.object({
  ...panelBase,
  type: z.literal("table"),
  options: z
    .object({
      /** Range tables reduce each series with this; instant tables show the sample. */
      reduce: reducerSchema.default("lastNotNull"),
      sortBy: z.object({ column: z.string(), desc: z.boolean().default(true) }).optional(),
    })
    .default({ reduce: "lastNotNull" }),
});

export const heatmapPanelSchema = z.object({
  ...panelBase,
  type: z.literal("heatmap"),
  options: z
    .object({
      /** "buckets": the query returns `le`-labelled histogram buckets (rate of _bucket); "series": one row per series. */
      yAxis: z.enum(["buckets", "series"]).default("buckets"),
      colorScheme: z.enum(["oranges", "blues", "greens", "spectral", "viridis"]).default("oranges"),
    })
    .default({ yAxis: "buckets", colorScheme: "oranges" }),
});

export const textPanelSchema = z.object({
  ...panelBase,
  type: z.literal("text"),
  options: z.object({ content: z.string().max(50_000).default("") }).default({ content: "" }),
});

/** A Grafana panel the importer could not convert: shown with what it was and its queries. */
export const unsupportedPanelSchema = z.object({
  ...panelBase,
  type: z.literal("unsupported"),
  options: z.object({ originalType: z.string(), reason: z.string() }),
});

export const panelSchema = z.discriminatedUnion("type", [
  timeSeriesPanelSchema,
  statPanelSchema,
  gaugePanelSchema,
  barGaugePanelSchema,
  tablePanelSchema,
  heatmapPanelSchema,
  textPanelSchema,
  unsupportedPanelSchema,
]);
export type Panel = z.infer<typeof panelSchema>;
export type PanelType = Panel["type"];

export const rowSchema = z.object({
  type: z.literal("row"),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  title: z.string().max(200),
  collapsed: z.boolean().default(false),
  /** gridPos.y of each child is relative to the row. */
  panels: z.array(panelSchema).default([]),
});
export type Row = z.infer<typeof rowSchema>;

export const layoutItemSchema = z.union([panelSchema, rowSchema]);
export type LayoutItem = z.infer<typeof layoutItemSchema>;

const variableName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must start with a letter or _ and hold only letters, digits and _")
  .refine((value) => !value.startsWith("__"), "names starting with __ are reserved");

const selectable = {
  name: variableName,
  label: z.string().max(200).optional(),
  multi: z.boolean().default(false),
  includeAll: z.boolean().default(false),
  /** What All sends; default a regex alternation of every value. */
  allValue: z.string().optional(),
  /** The selection when the URL has none; "$__all" selects All. */
  current: z.array(z.string()).default([]),
  hide: z.boolean().default(false),
};

export const queryVariableSchema = z.object({
  ...selectable,
  type: z.literal("query"),
  /** The source asked for the options; the dashboard's when absent. */
  datasource: datasourceRefSchema.optional(),
  /** `label_values(label)`, `label_values(metric{sel}, label)` (may use other $variables), `query_result(expr)`. */
  query: z.string().trim().min(1, "is required"),
  /** Keep and capture values with a regex, as in Grafana. */
  regex: z.string().optional(),
  sort: z.enum(["none", "alphabetical", "numerical"]).default("alphabetical"),
});

export const customVariableSchema = z.object({
  ...selectable,
  type: z.literal("custom"),
  options: z.array(z.object({ text: z.string(), value: z.string() })).min(1, "needs at least one option"),
});

export const intervalVariableSchema = z.object({
  name: variableName,
  label: z.string().max(200).optional(),
  type: z.literal("interval"),
  options: z.array(z.string().regex(/^\d+(ms|s|m|h|d|w|y)$/)).min(1),
  current: z.array(z.string()).default([]),
  hide: z.boolean().default(false),
});

export const constantVariableSchema = z.object({
  name: variableName,
  type: z.literal("constant"),
  value: z.string(),
  hide: z.boolean().default(true),
});

export const textboxVariableSchema = z.object({
  name: variableName,
  label: z.string().max(200).optional(),
  type: z.literal("textbox"),
  value: z.string().default(""),
  hide: z.boolean().default(false),
});

/**
 * Chooses among the configured Prometheus-API sources: its options are their names (kept to those
 * matching `regex` when set), and panels or the dashboard refer to it as `${DS}`.
 */
export const datasourceVariableSchema = z.object({
  name: variableName,
  label: z.string().max(200).optional(),
  type: z.literal("datasource"),
  regex: z.string().max(500).optional(),
  /** The source chosen when the URL names none; the default source when empty or not configured. */
  current: z.array(z.string()).default([]),
  hide: z.boolean().default(false),
});

export const variableSchema = z.discriminatedUnion("type", [
  queryVariableSchema,
  customVariableSchema,
  intervalVariableSchema,
  constantVariableSchema,
  textboxVariableSchema,
  datasourceVariableSchema,
]);
export type Variable = z.infer<typeof variableSchema>;

export const REFRESH_OPTIONS = ["off", "5s", "10s", "30s", "1m", "5m"] as const;
export const refreshSchema = z.enum(REFRESH_OPTIONS);

export const dashboardUidSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "must be lower-case letters, digits and -, at most 64 characters");

export const dashboardSchema = z
  .object({
    schemaVersion: z.literal(DASHBOARD_SCHEMA_VERSION).default(DASHBOARD_SCHEMA_VERSION),
    uid: dashboardUidSchema,
    title: name,
    description: z.string().max(2_000).optional(),
    tags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
    time: z
      .object({ from: z.string().min(1), to: z.string().min(1) })
      .default({ from: "now-6h", to: "now" }),
    refresh: refreshSchema.default("off"),
    /** The source every panel asks unless it names its own; the default source when absent. */
    datasource: datasourceRefSchema.optional(),
    variables: z.array(variableSchema).default([]),
    panels: z.array(layoutItemSchema).default([]),
  })
  .superRefine((dashboard, context) => {
    const ids = new Set<string>();
    const visit = (id: string, path: (string | number)[]) => {
      if (ids.has(id)) context.addIssue({ code: "custom", message: `duplicate panel id "${id}"`, path });
      ids.add(id);
    };
    dashboard.panels.forEach((item, index) => {
      visit(item.id, ["panels", index, "id"]);
      if (item.type === "row") item.panels.forEach((panel, child) => visit(panel.id, ["panels", index, "panels", child, "id"]));
    });
    const names = new Set<string>();
    dashboard.variables.forEach((variable, index) => {
      if (names.has(variable.name)) {
        context.addIssue({ code: "custom", message: `duplicate variable "${variable.name}"`, path: ["variables", index, "name"] });
      }
      names.add(variable.name);
    });
  });
export type Dashboard = z.infer<typeof dashboardSchema>;
export type DashboardInput = z.input<typeof dashboardSchema>;
