import { z } from "zod";
import { alertStateSchema, gettableSilenceSchema, labelSetSchema } from "@/lib/alertmanager/types";

/*
 * What GET /api/silences answers: every silence of the cluster (deduplicated by id), the alerts
 * Alertmanager holds now (for "matches now" and the create form's preview), and each instance's
 * state. Pure: shared by the route, the list page and the form.
 */

export const silenceAlertSchema = z.object({
  fingerprint: z.string(),
  labels: labelSetSchema,
  startsAt: z.string(),
  state: alertStateSchema,
  silencedBy: z.array(z.string()),
  inhibitedBy: z.array(z.string()),
  /** The Alertmanager instances that hold the alert. */
  instances: z.array(z.string()),
});
export type SilenceAlert = z.infer<typeof silenceAlertSchema>;

export const clusterSilenceSchema = gettableSilenceSchema.extend({
  /** The instances that returned this silence (gossip can lag for a moment). */
  instances: z.array(z.string()),
});
export type ClusterSilence = z.infer<typeof clusterSilenceSchema>;

export const instanceStateSchema = z.object({
  instance: z.string(),
  ok: z.boolean(),
  error: z.string().optional(),
});
export type InstanceState = z.infer<typeof instanceStateSchema>;

export const silencesOverviewSchema = z.object({
  silences: z.array(clusterSilenceSchema),
  alerts: z.array(silenceAlertSchema),
  instances: z.array(instanceStateSchema),
  /** VIGIL_SILENCE_MAX_DURATION in milliseconds, or null when silences may be as long as anyone likes. */
  maxDurationMs: z.number().nullable(),
  /** The server's clock when it answered. */
  now: z.string(),
});
export type SilencesOverview = z.infer<typeof silencesOverviewSchema>;

export const silenceWriteResultSchema = z.object({
  silenceID: z.string(),
  /** The instance that took the write (it gossips it to the others). */
  instance: z.string(),
});
export type SilenceWriteResult = z.infer<typeof silenceWriteResultSchema>;

export const oneSilenceSchema = z.object({ silence: gettableSilenceSchema, instance: z.string() });
