import { z } from "zod";

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const labelValue = z.string().max(1024, "Keep label and annotation values under 1024 characters.");

/** A label set whose every name is a valid Prometheus label name, each refused by name. */
const labelSet = (what: string) =>
  z.record(z.string(), labelValue).superRefine((set, ctx) => {
    for (const name of Object.keys(set)) {
      if (!LABEL_NAME.test(name)) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `${what} name "${name.slice(0, 40)}" must be letters, digits and underscores, not starting with a digit.`,
        });
      }
    }
    if (Object.keys(set).length > 30) ctx.addIssue({ code: "custom", message: `At most 30 ${what.toLowerCase()}s.` });
  });

/**
 * A test alert a responder sends to every Alertmanager (the seed documents do this with curl):
 * labels must include alertname; `resolve: true` ends an alert sent earlier with the same labels.
 */
export const testAlertSchema = z.strictObject({
  labels: labelSet("Label").refine((labels) => (labels.alertname ?? "").trim() !== "", {
    message: "labels.alertname is required.",
    path: ["alertname"],
  }),
  annotations: labelSet("Annotation").optional(),
  durationMinutes: z.number().int("Whole minutes.").min(1, "At least 1 minute.").max(1440, "At most 1440 minutes (a day).").default(5),
  resolve: z.boolean().default(false),
});

export type TestAlertInput = z.infer<typeof testAlertSchema>;

/** Every test alert carries this label, so routes and silences can tell it from a real one. */
export const TEST_ALERT_LABEL = "vigil_test";
