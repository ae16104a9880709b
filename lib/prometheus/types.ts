import { z } from "zod";

/*
 * The Prometheus HTTP API v1 (https://prometheus.io/docs/prometheus/latest/querying/api/).
 * Shapes follow Prometheus 2.x and 3.x; fields that Thanos, Mimir or VictoriaMetrics omit are
 * optional, and nullable arrays (Go's nil slices) read as empty.
 */

/** A JSON array that Go may also send as null. */
function list<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((items) => items ?? []);
}

export const labelSetSchema = z.record(z.string(), z.string());
export type LabelSet = z.infer<typeof labelSetSchema>;

/** [Unix seconds, value as text]: the text is a Go float and may be "+Inf", "-Inf" or "NaN". */
export const sampleSchema = z.tuple([z.number(), z.string()]);
export type Sample = z.infer<typeof sampleSchema>;

// --- Envelope -------------------------------------------------------------------------------

const notes = {
  warnings: z.array(z.string()).optional(),
  /** Prometheus 3 reports query annotations that are not problems (e.g. "metric might not be a counter"). */
  infos: z.array(z.string()).optional(),
};

export const successEnvelopeSchema = z.object({ status: z.literal("success"), data: z.unknown(), ...notes });
export const errorEnvelopeSchema = z.object({
  status: z.literal("error"),
  /** bad_data, execution, timeout, canceled, internal, unavailable, not_found, ... */
  errorType: z.string(),
  error: z.string(),
  ...notes,
});

/** Every answer of the API: the data is validated separately, per endpoint. */
export const envelopeSchema = z.discriminatedUnion("status", [successEnvelopeSchema, errorEnvelopeSchema]);
export type PrometheusErrorResponse = z.infer<typeof errorEnvelopeSchema>;

export interface PrometheusSuccessResponse<T> {
  status: "success";
  data: T;
  warnings?: string[];
  infos?: string[];
}

/** The success/error union of one endpoint's answer. */
export type PrometheusResponse<T> = PrometheusSuccessResponse<T> | PrometheusErrorResponse;

/** The schema of a whole answer whose data has the given schema. */
export function prometheusResponseSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion("status", [successEnvelopeSchema.extend({ data }), errorEnvelopeSchema]);
}

// --- Queries --------------------------------------------------------------------------------

// Native histograms arrive as `histogram` / `histograms` beside or instead of the float fields.
// They are accepted and dropped: charts and tables here read float samples only.
const rawVectorSeries = z.object({
  metric: labelSetSchema,
  value: sampleSchema.optional(),
  histogram: z.unknown().optional(),
});
const rawMatrixSeries = z.object({
  metric: labelSetSchema,
  values: z.array(sampleSchema).optional(),
  histograms: z.unknown().optional(),
});

export const vectorSchema = list(rawVectorSeries).transform((series) =>
  series.flatMap(({ metric, value }) => (value ? [{ metric, value }] : [])),
);
export const matrixSchema = list(rawMatrixSeries).transform((series) =>
  series.flatMap(({ metric, values }) => (values && values.length > 0 ? [{ metric, values }] : [])),
);
export type VectorSeries = z.infer<typeof vectorSchema>[number];
export type MatrixSeries = z.infer<typeof matrixSchema>[number];

export const vectorDataSchema = z.object({ resultType: z.literal("vector"), result: vectorSchema });
export const matrixDataSchema = z.object({ resultType: z.literal("matrix"), result: matrixSchema });
export const scalarDataSchema = z.object({ resultType: z.literal("scalar"), result: sampleSchema });
export const stringDataSchema = z.object({ resultType: z.literal("string"), result: sampleSchema });

/** What /api/v1/query answers, by resultType. */
export const queryDataSchema = z.discriminatedUnion("resultType", [
  vectorDataSchema,
  matrixDataSchema,
  scalarDataSchema,
  stringDataSchema,
]);
export type VectorData = z.infer<typeof vectorDataSchema>;
export type MatrixData = z.infer<typeof matrixDataSchema>;
export type ScalarData = z.infer<typeof scalarDataSchema>;
export type StringData = z.infer<typeof stringDataSchema>;
export type QueryData = z.infer<typeof queryDataSchema>;

// --- Metadata about series ------------------------------------------------------------------

export const seriesDataSchema = list(labelSetSchema);
export const labelNamesSchema = list(z.string());
export const labelValuesSchema = list(z.string());

export const metricMetadataSchema = z.object({
  /** counter, gauge, histogram, gaugehistogram, summary, info, stateset, unknown. */
  type: z.string(),
  help: z.string(),
  unit: z.string().optional(),
});
export const metadataDataSchema = z.record(z.string(), z.array(metricMetadataSchema));
export type MetricMetadata = z.infer<typeof metricMetadataSchema>;
export type MetadataData = z.infer<typeof metadataDataSchema>;

// --- Targets --------------------------------------------------------------------------------

export const activeTargetSchema = z.object({
  /** Prometheus 3 leaves these out of active targets; 2.x sends them. */
  discoveredLabels: labelSetSchema.optional(),
  labels: labelSetSchema,
  scrapePool: z.string(),
  scrapeUrl: z.string(),
  globalUrl: z.string().optional(),
  lastError: z.string(),
  lastScrape: z.string(),
  /** Seconds. */
  lastScrapeDuration: z.number(),
  // An unfamiliar health word from a Prometheus-compatible server is shown as unknown, not a failure.
  health: z.enum(["up", "down", "unknown"]).catch("unknown"),
  scrapeInterval: z.string().optional(),
  scrapeTimeout: z.string().optional(),
});
export const droppedTargetSchema = z.object({
  discoveredLabels: labelSetSchema,
  scrapePool: z.string().optional(),
});
export const targetsDataSchema = z.object({
  activeTargets: list(activeTargetSchema),
  droppedTargets: list(droppedTargetSchema),
  /** Prometheus 2.48+: dropped targets per scrape pool, since the list itself may be cut short. */
  droppedTargetCounts: z.record(z.string(), z.number()).optional(),
});
export type ActiveTarget = z.infer<typeof activeTargetSchema>;
export type DroppedTarget = z.infer<typeof droppedTargetSchema>;
export type TargetsData = z.infer<typeof targetsDataSchema>;

// --- Rules and alerts -----------------------------------------------------------------------

export const alertStateSchema = z.enum(["firing", "pending", "inactive"]);
export const ruleHealthSchema = z.enum(["ok", "err", "unknown"]).catch("unknown");

export const prometheusAlertSchema = z.object({
  labels: labelSetSchema,
  annotations: labelSetSchema.default({}),
  state: alertStateSchema,
  activeAt: z.string().optional(),
  keepFiringSince: z.string().optional(),
  /** The expression's value when the alert was last evaluated, as Go formats it ("1e+00"). */
  value: z.string(),
});
export type PrometheusAlert = z.infer<typeof prometheusAlertSchema>;

const ruleStatus = {
  name: z.string(),
  query: z.string(),
  labels: labelSetSchema.default({}),
  health: ruleHealthSchema,
  lastError: z.string().optional(),
  /** Seconds. */
  evaluationTime: z.number().optional(),
  lastEvaluation: z.string().optional(),
};

export const alertingRuleSchema = z.object({
  type: z.literal("alerting"),
  ...ruleStatus,
  /** The rule's `for`, in seconds. */
  duration: z.number(),
  keepFiringFor: z.number().optional(),
  annotations: labelSetSchema.default({}),
  alerts: list(prometheusAlertSchema),
  state: alertStateSchema,
});
export const recordingRuleSchema = z.object({ type: z.literal("recording"), ...ruleStatus });
export const ruleSchema = z.discriminatedUnion("type", [alertingRuleSchema, recordingRuleSchema]);

export const ruleGroupSchema = z.object({
  name: z.string(),
  file: z.string(),
  /** Seconds. */
  interval: z.number(),
  limit: z.number().optional(),
  rules: list(ruleSchema),
  evaluationTime: z.number().optional(),
  lastEvaluation: z.string().optional(),
});
export const rulesDataSchema = z.object({
  groups: list(ruleGroupSchema),
  /** Prometheus 3 pages rule groups when asked to. */
  groupNextToken: z.string().optional(),
});
export type AlertingRule = z.infer<typeof alertingRuleSchema>;
export type RecordingRule = z.infer<typeof recordingRuleSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type RuleGroup = z.infer<typeof ruleGroupSchema>;
export type RulesData = z.infer<typeof rulesDataSchema>;

export const alertsDataSchema = z.object({ alerts: list(prometheusAlertSchema) });
export type AlertsData = z.infer<typeof alertsDataSchema>;

// --- Status ---------------------------------------------------------------------------------

export const buildInfoSchema = z.object({
  /** VictoriaMetrics answers this endpoint with an empty object. */
  version: z.string().optional(),
  revision: z.string().optional(),
  branch: z.string().optional(),
  buildUser: z.string().optional(),
  buildDate: z.string().optional(),
  goVersion: z.string().optional(),
});
export type BuildInfo = z.infer<typeof buildInfoSchema>;

export const runtimeInfoSchema = z.object({
  startTime: z.string(),
  CWD: z.string().optional(),
  hostname: z.string().optional(),
  serverTime: z.string().optional(),
  reloadConfigSuccess: z.boolean(),
  lastConfigTime: z.string(),
  corruptionCount: z.number().optional(),
  goroutineCount: z.number().optional(),
  GOMAXPROCS: z.number().optional(),
  GOMEMLIMIT: z.number().optional(),
  GOGC: z.string().optional(),
  GODEBUG: z.string().optional(),
  storageRetention: z.string().optional(),
});
export type RuntimeInfo = z.infer<typeof runtimeInfoSchema>;

/** Command-line flags by name, values as text. */
export const flagsSchema = z.record(z.string(), z.string());
export type Flags = z.infer<typeof flagsSchema>;

const nameCount = z.object({ name: z.string(), value: z.number() });
export const tsdbStatusSchema = z.object({
  /** Prometheus only: VictoriaMetrics reports totals instead. */
  headStats: z
    .object({
      numSeries: z.number(),
      numLabelPairs: z.number().optional(),
      chunkCount: z.number(),
      /** Milliseconds; an empty head reports the extremes of int64. */
      minTime: z.number(),
      maxTime: z.number(),
    })
    .optional(),
  seriesCountByMetricName: list(nameCount),
  labelValueCountByLabelName: list(nameCount),
  memoryInBytesByLabelName: list(nameCount),
  seriesCountByLabelValuePair: list(nameCount),
});
export type TsdbStatus = z.infer<typeof tsdbStatusSchema>;
export type NameCount = z.infer<typeof nameCount>;
