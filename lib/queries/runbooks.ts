import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { ApiErrorBody } from "@/lib/errors";
import {
  forAlertAnswerSchema,
  linkedAlertsSchema,
  revisionListSchema,
  revisionSchema,
  runbookListSchema,
  runbookSchema,
  type CreateRunbookInput,
  type RestoreRunbookInput,
  type RunbookView,
  type UpdateRunbookInput,
} from "@/lib/validations/runbooks";
import { z as zod } from "zod";
import { ApiError } from "./fetch-json";
import { getJson, sendJson } from "./send-json";

export interface RunbookFilters {
  q?: string;
  tag?: string;
  team?: string;
}

export const runbookKeys = {
  all: ["runbooks"] as const,
  list: (filters: RunbookFilters) => [...runbookKeys.all, "list", filters] as const,
  detail: (slug: string) => [...runbookKeys.all, "detail", slug] as const,
  revisions: (slug: string) => [...runbookKeys.all, "detail", slug, "revisions"] as const,
  revision: (slug: string, version: number) => [...runbookKeys.all, "detail", slug, "revisions", version] as const,
  alerts: (slug: string) => [...runbookKeys.all, "detail", slug, "alerts"] as const,
  forAlert: (labels: Record<string, string>, annotations: Record<string, string>) => [...runbookKeys.all, "for-alert", labels, annotations] as const,
};

export function runbookFilterQueryString(filters: RunbookFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return params.toString();
}

export function runbookListQuery(filters: RunbookFilters) {
  return queryOptions({
    queryKey: runbookKeys.list(filters),
    queryFn: ({ signal }) => getJson(`/api/runbooks?${runbookFilterQueryString(filters)}`, runbookListSchema, signal),
    placeholderData: keepPreviousData,
  });
}

const runbookAnswer = zod.object({ runbook: runbookSchema });

export function runbookQuery(slug: string) {
  return queryOptions({
    queryKey: runbookKeys.detail(slug),
    queryFn: async ({ signal }) => (await getJson(`/api/runbooks/${encodeURIComponent(slug)}`, runbookAnswer, signal)).runbook,
  });
}

export function revisionsQuery(slug: string) {
  return queryOptions({
    queryKey: runbookKeys.revisions(slug),
    queryFn: async ({ signal }) => (await getJson(`/api/runbooks/${encodeURIComponent(slug)}/revisions`, revisionListSchema, signal)).revisions,
  });
}

export function revisionQuery(slug: string, version: number) {
  return queryOptions({
    queryKey: runbookKeys.revision(slug, version),
    queryFn: async ({ signal }) =>
      (await getJson(`/api/runbooks/${encodeURIComponent(slug)}/revisions/${version}`, zod.object({ revision: revisionSchema }), signal)).revision,
    // A revision never changes once written.
    staleTime: Infinity,
  });
}

export function linkedAlertsQuery(slug: string, refetchInterval: number | false = 30_000) {
  return queryOptions({
    queryKey: runbookKeys.alerts(slug),
    queryFn: ({ signal }) => getJson(`/api/runbooks/${encodeURIComponent(slug)}/alerts`, linkedAlertsSchema, signal),
    refetchInterval,
  });
}

export function runbooksForAlertQuery(labels: Record<string, string>, annotations: Record<string, string>) {
  return queryOptions({
    queryKey: runbookKeys.forAlert(labels, annotations),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ labels: JSON.stringify(labels), annotations: JSON.stringify(annotations) });
      return getJson(`/api/runbooks/for-alert?${params.toString()}`, forAlertAnswerSchema, signal);
    },
    staleTime: 30_000,
  });
}

export function createRunbookRequest(input: CreateRunbookInput): Promise<RunbookView> {
  return sendJson("/api/runbooks", "POST", input, runbookAnswer).then((answer) => answer.runbook);
}

/** A save's outcome: saved, or refused because someone saved a newer version (shown side by side). */
export type SaveOutcome = { kind: "saved"; runbook: RunbookView; changed: boolean } | { kind: "conflict"; message: string; current: RunbookView };

const savedAnswer = zod.object({ runbook: runbookSchema, changed: zod.boolean() });
const conflictAnswer = zod.object({ error: zod.string(), current: runbookSchema });

async function sendSave(url: string, method: "PATCH" | "POST", body: unknown): Promise<SaveOutcome> {
  let response: Response;
  try {
    response = await fetch(url, { method, headers: { accept: "application/json", "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    throw new ApiError("The console's server did not answer. Is it running?", 0, undefined);
  }
  const answer: unknown = await response.json().catch(() => undefined);
  if (response.status === 409) {
    const conflict = conflictAnswer.safeParse(answer);
    if (conflict.success) return { kind: "conflict", message: conflict.data.error, current: conflict.data.current };
  }
  if (!response.ok) {
    const error = errorBody.safeParse(answer);
    throw new ApiError(error.success ? error.data.error : `The console answered ${response.status} ${response.statusText}`, response.status, error.success ? error.data : undefined);
  }
  return { kind: "saved", ...savedAnswer.parse(answer) };
}

const errorBody: zod.ZodType<ApiErrorBody> = zod.object({
  error: zod.string(),
  issues: zod.array(zod.object({ path: zod.string(), message: zod.string() })).optional(),
});

export function updateRunbookRequest(slug: string, input: UpdateRunbookInput): Promise<SaveOutcome> {
  return sendSave(`/api/runbooks/${encodeURIComponent(slug)}`, "PATCH", input);
}

export function restoreRunbookRequest(slug: string, input: RestoreRunbookInput): Promise<SaveOutcome> {
  return sendSave(`/api/runbooks/${encodeURIComponent(slug)}/restore`, "POST", input);
}

export function deleteRunbookRequest(slug: string, version: number): Promise<void> {
  return sendJson(`/api/runbooks/${encodeURIComponent(slug)}`, "DELETE", { version }, zod.object({ deleted: zod.string() })).then(() => undefined);
}
