import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { dashboardSchema, type Dashboard } from "./schema";

/** Where provisioned dashboards live: reviewed like code, read-only in the UI. */
export const PROVISIONED_DIR = path.join(process.cwd(), "dashboards");

export type ProvisionedResult = { ok: true; dashboard: Dashboard; file: string } | { ok: false; file: string; error: string };

/** Reads and validates every dashboards/*.json; a broken file is reported, never fatal for the others. */
export async function loadProvisionedDashboards(dir = PROVISIONED_DIR): Promise<ProvisionedResult[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  } catch {
    return [];
  }
  return Promise.all(
    names.map(async (name): Promise<ProvisionedResult> => {
      const file = path.join(dir, name);
      try {
        const parsed = dashboardSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
        if (parsed.success) return { ok: true, dashboard: parsed.data, file: name };
        return { ok: false, file: name, error: z.prettifyError(parsed.error) };
      } catch (error) {
        return { ok: false, file: name, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}
