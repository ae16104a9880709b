import { z } from "zod";
import { dashboardUidSchema } from "@/lib/dashboards/schema";

/** The largest request body POST /api/dashboards/import reads: big Grafana dashboards run to a few MB. */
export const MAX_IMPORT_BODY_BYTES = 4 * 1024 * 1024;
/** The largest dashboard file the import page and the route accept. */
export const MAX_IMPORT_SOURCE_CHARS = 3 * 1024 * 1024;

/**
 * POST /api/dashboards/import: the file's text as it was uploaded or pasted (so that a file which is not
 * JSON, or not Grafana's, gets the converter's explanation), with the uid and title to store it under.
 */
export const dashboardImportSchema = z.strictObject({
  source: z
    .string({ error: "source is required: the Grafana dashboard's JSON, as text" })
    .min(1, "source is empty: paste or upload a Grafana dashboard's JSON")
    .max(MAX_IMPORT_SOURCE_CHARS, `source is larger than ${MAX_IMPORT_SOURCE_CHARS / 1024 / 1024} MB`),
  uid: dashboardUidSchema.optional(),
  title: z.string().trim().min(1, "title is empty").max(200, "title is longer than 200 characters").optional(),
});
export type DashboardImportInput = z.infer<typeof dashboardImportSchema>;

export const dashboardImportQuerySchema = z.object({
  dryRun: z.enum(["0", "1"], { error: "dryRun must be 1 or 0" }).optional(),
});

const status = z.enum(["converted", "partial", "unsupported"]);

/** What POST /api/dashboards/import answers (the report as the CLI's --json prints it, and where it is or will be). */
export const importAnswerSchema = z.object({
  uid: z.string(),
  title: z.string(),
  url: z.string(),
  report: z.object({
    panels: z.array(z.object({ title: z.string(), type: z.string(), status, reason: z.string().nullable() })),
    variables: z.array(z.object({ name: z.string(), type: z.string(), status, reason: z.string().nullable() })),
  }),
  notes: z.array(z.string()),
  source: z.object({ uid: z.string().nullable(), title: z.string().nullable(), schemaVersion: z.number().nullable() }),
  uidTaken: z.boolean().optional(),
  version: z.number().nullable().optional(),
});
export type ImportAnswer = z.infer<typeof importAnswerSchema>;
