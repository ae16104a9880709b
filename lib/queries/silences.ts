import { queryOptions } from "@tanstack/react-query";
import { silencesOverviewSchema, silenceWriteResultSchema, type SilenceWriteResult } from "@/lib/silences/types";
import type { MaintenanceWindowBody, SilenceBody } from "@/lib/validations/silences";
import { maintenanceWindowListSchema, maintenanceWindowSchema, type MaintenanceWindowView } from "@/lib/validations/silences";
import { z } from "zod";
import { getJson, sendJson } from "./send-json";

export const silenceKeys = {
  all: ["silences"] as const,
  overview: () => [...silenceKeys.all, "overview"] as const,
  windows: () => [...silenceKeys.all, "maintenance-windows"] as const,
};

/** Silences, the alerts they can match, and each Alertmanager's state; refreshed every 15 s. */
export function silencesQuery(refetchInterval: number | false = 15_000) {
  return queryOptions({
    queryKey: silenceKeys.overview(),
    queryFn: ({ signal }) => getJson("/api/silences", silencesOverviewSchema, signal),
    refetchInterval,
  });
}

export function createSilence(body: SilenceBody): Promise<SilenceWriteResult> {
  return sendJson("/api/silences", "POST", body, silenceWriteResultSchema);
}

export function updateSilence(id: string, body: SilenceBody): Promise<SilenceWriteResult> {
  return sendJson(`/api/silences/${encodeURIComponent(id)}`, "PUT", body, silenceWriteResultSchema);
}

export function expireSilence(id: string): Promise<SilenceWriteResult> {
  return sendJson(`/api/silences/${encodeURIComponent(id)}`, "DELETE", undefined, silenceWriteResultSchema);
}

export function maintenanceWindowsQuery() {
  return queryOptions({
    queryKey: silenceKeys.windows(),
    queryFn: ({ signal }) => getJson("/api/maintenance-windows", maintenanceWindowListSchema, signal),
    refetchInterval: 60_000,
  });
}

export function saveMaintenanceWindow(id: string | undefined, body: MaintenanceWindowBody): Promise<MaintenanceWindowView> {
  const schema = z.object({ window: maintenanceWindowSchema }).transform((answer) => answer.window);
  return id
    ? sendJson(`/api/maintenance-windows/${encodeURIComponent(id)}`, "PUT", body, schema)
    : sendJson("/api/maintenance-windows", "POST", body, schema);
}

export function deleteMaintenanceWindow(id: string): Promise<{ id: string; expiredSilences: string[] }> {
  return sendJson(`/api/maintenance-windows/${encodeURIComponent(id)}`, "DELETE", undefined, z.object({ id: z.string(), expiredSilences: z.array(z.string()) }));
}
