import { matchersMatch, parseMatchers } from "../alertmanager/matchers.ts";
import { SLUG_PATTERN, type LinkReason } from "../validations/runbooks.ts";

/*
 * Which runbooks answer an alert, in order of how deliberately they were linked: the alert's own
 * runbook_url annotation, then runbooks listing its alertname, then runbooks whose label matchers
 * match its labels. Pure, so the alert side (for-alert) and the runbook side (linked alerts) agree.
 */

export interface LinkableRunbook {
  slug: string;
  alertNames: readonly string[];
  labelMatchers: readonly string[];
}

export type Labels = Readonly<Record<string, string>>;

export interface RunbookLink {
  reason: LinkReason;
  /** The matcher set that matched, for reason "labels". */
  matcher?: string;
}

/**
 * The slug a runbook_url points at when it names one of the console's runbooks: any origin (rules
 * ship with http://localhost:3000, which people replace), path /runbooks/<slug>. Relative URLs too.
 */
export function slugFromRunbookUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let pathname: string;
  try {
    pathname = new URL(url, "http://relative.invalid").pathname;
  } catch {
    return undefined;
  }
  const found = /^\/runbooks\/([^/]+)\/?$/.exec(pathname);
  const slug = found?.[1] ? decodeURIComponent(found[1]) : undefined;
  return slug && SLUG_PATTERN.test(slug) ? slug : undefined;
}

/** Whether an alert's runbook_url points outside the console's runbooks (a wiki): shown as a plain link. */
export function externalRunbookUrl(annotations: Labels): string | null {
  const url = annotations.runbook_url;
  if (!url || slugFromRunbookUrl(url)) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** How one runbook is linked to one alert, or undefined when it is not. */
export function linkBetween(runbook: LinkableRunbook, labels: Labels, annotations: Labels): RunbookLink | undefined {
  if (slugFromRunbookUrl(annotations.runbook_url) === runbook.slug) return { reason: "runbook_url" };
  const alertname = labels.alertname;
  if (alertname && runbook.alertNames.includes(alertname)) return { reason: "alertname" };
  for (const text of runbook.labelMatchers) {
    const parsed = parseMatchers(text);
    // An empty set would match everything; validation refuses it, and this guards old rows.
    if (parsed.ok && parsed.value.length > 0 && matchersMatch(parsed.value, labels)) return { reason: "labels", matcher: text };
  }
  return undefined;
}

const REASON_ORDER: Record<LinkReason, number> = { runbook_url: 0, alertname: 1, labels: 2 };

/** The runbooks that answer an alert, most deliberate link first, then by slug. */
export function runbooksLinkedTo<T extends LinkableRunbook>(runbooks: readonly T[], labels: Labels, annotations: Labels): Array<T & RunbookLink> {
  return runbooks
    .flatMap((runbook) => {
      const link = linkBetween(runbook, labels, annotations);
      return link ? [{ ...runbook, ...link }] : [];
    })
    .sort((a, b) => REASON_ORDER[a.reason] - REASON_ORDER[b.reason] || a.slug.localeCompare(b.slug));
}
