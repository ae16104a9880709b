import { slugSchema } from "../validations/runbooks.ts";
import { labelsFromParam } from "./live.ts";

export type SearchParams = Record<string, string | string[] | undefined>;

/** A slug from the URL, or undefined (the page answers not found). */
export function slugParam(value: string): string | undefined {
  const result = slugSchema.safeParse(value);
  return result.success ? result.data : undefined;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The alert context a runbook page was opened with: `?alert=<fingerprint>` and/or `?labels={a="b"}`. */
export function alertContextParams(searchParams: SearchParams): { fingerprint?: string; labels: Record<string, string> } {
  const fingerprint = first(searchParams.alert);
  return {
    ...(fingerprint && /^[0-9a-f]{1,32}$/.test(fingerprint) ? { fingerprint } : {}),
    labels: labelsFromParam(first(searchParams.labels)),
  };
}
