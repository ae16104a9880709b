import { z } from "zod";
import type { UpstreamError } from "@/lib/errors";

/*
 * The Alertmanager API v2, after its OpenAPI spec (api/v2/openapi.yaml, v0.25 onwards).
 * Names follow the spec's definitions. Gettable shapes read what Alertmanager sends;
 * postable shapes check what we send before it leaves.
 */

export const labelSetSchema = z.record(z.string(), z.string());
export type LabelSet = z.infer<typeof labelSetSchema>;

export const receiverSchema = z.object({ name: z.string() });
export type Receiver = z.infer<typeof receiverSchema>;

// --- Alerts ---------------------------------------------------------------------------------

export const alertStateSchema = z.enum(["unprocessed", "active", "suppressed"]);
export type AlertState = z.infer<typeof alertStateSchema>;

export const alertStatusSchema = z.object({
  state: alertStateSchema,
  /** IDs of the silences that mute the alert. */
  silencedBy: z.array(z.string()),
  /** Fingerprints of the alerts that inhibit it. */
  inhibitedBy: z.array(z.string()),
  /** Names of the time intervals that mute it (v0.27+). */
  mutedBy: z.array(z.string()).optional(),
});
export type AlertStatus = z.infer<typeof alertStatusSchema>;

export const gettableAlertSchema = z.object({
  labels: labelSetSchema,
  annotations: labelSetSchema,
  receivers: z.array(receiverSchema),
  fingerprint: z.string(),
  startsAt: z.string(),
  updatedAt: z.string(),
  endsAt: z.string(),
  status: alertStatusSchema,
  generatorURL: z.string().optional(),
});
export const gettableAlertsSchema = z.array(gettableAlertSchema);
export type GettableAlert = z.infer<typeof gettableAlertSchema>;

export const alertGroupSchema = z.object({
  labels: labelSetSchema,
  receiver: receiverSchema,
  alerts: z.array(gettableAlertSchema),
});
export const alertGroupsSchema = z.array(alertGroupSchema);
export type AlertGroup = z.infer<typeof alertGroupSchema>;

const timestamp = z.iso.datetime({ offset: true, error: "must be an RFC 3339 time" });

export const postableAlertSchema = z.object({
  labels: labelSetSchema.refine((labels) => Object.keys(labels).length > 0, "needs at least one label"),
  annotations: labelSetSchema.optional(),
  startsAt: timestamp.optional(),
  endsAt: timestamp.optional(),
  generatorURL: z.url().optional(),
});
export const postableAlertsSchema = z.array(postableAlertSchema);
export type PostableAlert = z.infer<typeof postableAlertSchema>;

// --- Silences -------------------------------------------------------------------------------

export const matcherSchema = z.object({
  name: z.string(),
  value: z.string(),
  isRegex: z.boolean(),
  /** False for != and !~; the spec defaults it to true and Alertmanager before v0.22 omits it. */
  isEqual: z.boolean().optional(),
});
export type Matcher = z.infer<typeof matcherSchema>;

export const silenceStateSchema = z.enum(["expired", "active", "pending"]);
export type SilenceState = z.infer<typeof silenceStateSchema>;

export const gettableSilenceSchema = z.object({
  id: z.string(),
  status: z.object({ state: silenceStateSchema }),
  updatedAt: z.string(),
  matchers: z.array(matcherSchema),
  startsAt: z.string(),
  endsAt: z.string(),
  createdBy: z.string(),
  comment: z.string(),
});
export const gettableSilencesSchema = z.array(gettableSilenceSchema);
export type GettableSilence = z.infer<typeof gettableSilenceSchema>;

export const postableSilenceSchema = z.object({
  /** Set to update that silence; Alertmanager may answer with a new ID when the change needs one. */
  id: z.string().optional(),
  matchers: z.array(matcherSchema).min(1, "needs at least one matcher"),
  startsAt: timestamp,
  endsAt: timestamp,
  createdBy: z.string().min(1, "is required"),
  comment: z.string().min(1, "is required"),
});
export type PostableSilence = z.infer<typeof postableSilenceSchema>;

export const postSilenceResponseSchema = z.object({ silenceID: z.string() });
export type PostSilenceResponse = z.infer<typeof postSilenceResponseSchema>;

// --- Status ---------------------------------------------------------------------------------

export const peerStatusSchema = z.object({ name: z.string(), address: z.string() });
export type PeerStatus = z.infer<typeof peerStatusSchema>;

export const clusterStatusSchema = z.object({
  /** This peer's own name; absent when clustering is disabled. */
  name: z.string().optional(),
  status: z.enum(["ready", "settling", "disabled"]),
  peers: z
    .array(peerStatusSchema)
    .nullish()
    .transform((peers) => peers ?? []),
});
export type ClusterStatus = z.infer<typeof clusterStatusSchema>;

export const versionInfoSchema = z.object({
  version: z.string(),
  revision: z.string(),
  branch: z.string(),
  buildUser: z.string(),
  buildDate: z.string(),
  goVersion: z.string(),
});
export type VersionInfo = z.infer<typeof versionInfoSchema>;

export const alertmanagerStatusSchema = z.object({
  cluster: clusterStatusSchema,
  versionInfo: versionInfoSchema,
  /** The loaded configuration as YAML, secrets masked by Alertmanager. */
  config: z.object({ original: z.string() }),
  /** When the process started (RFC 3339), despite the name. */
  uptime: z.string(),
});
export type AlertmanagerStatus = z.infer<typeof alertmanagerStatusSchema>;

// --- Across a cluster -----------------------------------------------------------------------

/** What one Alertmanager of the cluster answered; `latencyMs` is how long it took either way. */
export type InstanceResult<T> =
  | { instance: string; ok: true; data: T; latencyMs: number }
  | { instance: string; ok: false; error: UpstreamError; latencyMs: number };

/** A write that one instance took; the cluster gossips it to the others. */
export interface WriteResult<T> {
  instance: string;
  data: T;
}
