import { z } from "zod";

/** Alertmanager prints fingerprints as 16 hex digits. */
export const fingerprintSchema = z.string().regex(/^[0-9a-f]{16}$/, "must be an Alertmanager fingerprint (16 hex digits)");

const startsAt = z.iso.datetime({ offset: true, error: "must be an RFC 3339 time (the alert's startsAt)" });

/** One firing episode of an alert: what an acknowledgement is keyed by (with the cluster). */
export const alertRefSchema = z.strictObject({ fingerprint: fingerprintSchema, startsAt });
export type AlertRef = z.infer<typeof alertRefSchema>;

export const MAX_ACK_NOTE = 1000;
/** A group acknowledged at once; the largest groups of the 10,000-alert bench hold 20. */
export const MAX_ACK_ALERTS = 2000;

/**
 * POST /api/acknowledgements. `expiresInMinutes`: the acknowledgement lapses then (up to 30 days);
 * `silenceMinutes`: "Acknowledge and silence", also creating a silence for the alerts' shared labels.
 */
export const acknowledgeSchema = z.strictObject({
  alerts: z.array(alertRefSchema).min(1, "name at least one alert").max(MAX_ACK_ALERTS, `at most ${MAX_ACK_ALERTS} alerts at once`),
  note: z.string().trim().max(MAX_ACK_NOTE, `at most ${MAX_ACK_NOTE} characters`).optional(),
  expiresInMinutes: z.int("must be a whole number of minutes").min(1, "must be at least 1 minute").max(43_200, "must be at most 30 days").optional(),
  silenceMinutes: z.int("must be a whole number of minutes").min(1, "must be at least 1 minute").max(43_200, "must be at most 30 days").optional(),
});
export type AcknowledgeInput = z.infer<typeof acknowledgeSchema>;

/** DELETE /api/acknowledgements/[id]: an optional note on why. */
export const unacknowledgeSchema = z.strictObject({
  note: z.string().trim().max(MAX_ACK_NOTE, `at most ${MAX_ACK_NOTE} characters`).optional(),
});
export type UnacknowledgeInput = z.infer<typeof unacknowledgeSchema>;

export const acknowledgementIdSchema = z.uuid("must be an acknowledgement id (a UUID)");

/** GET /api/alerts/[fingerprint]?startsAt=: which episode's acknowledgement to show (default: the firing one). */
export const alertDetailQuerySchema = z.strictObject({ startsAt: startsAt.optional() });

/** GET /api/alerts?after=: an earlier answer's asOf, to wait for the newer read it said was under way. */
export const alertsListParamsSchema = z.strictObject({
  after: z.iso.datetime({ offset: true, error: "must be an earlier answer's asOf (an RFC 3339 time)" }).optional(),
});
