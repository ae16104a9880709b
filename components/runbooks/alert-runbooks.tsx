"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { runbooksForAlertQuery } from "@/lib/queries/runbooks";
import { alertContextQuery } from "@/lib/runbooks/alert-context";
import type { LinkReason } from "@/lib/validations/runbooks";

export interface AlertRunbooksProps {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The alert's fingerprint: runbook links then open with this alert's labels as variables. */
  fingerprint?: string;
  /** A heading above the list (off when the caller has its own). */
  heading?: boolean;
}

const REASONS: Record<LinkReason, string> = {
  runbook_url: "runbook_url",
  alertname: "alert name",
  labels: "labels",
};

/**
 * The runbooks that answer one alert: the one its runbook_url names, then those linked to its
 * alertname, then those whose label matchers match. Self-contained (asks GET /api/runbooks/for-alert),
 * so any alert view can render it.
 */
export function AlertRunbooks({ labels, annotations, fingerprint, heading = true }: AlertRunbooksProps) {
  const query = useQuery(runbooksForAlertQuery(labels, annotations));
  const context = alertContextQuery(labels, fingerprint);
  return (
    <section aria-label={`Runbooks for ${labels.alertname ?? "this alert"}`} className="text-sm">
      {heading ? <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-400">Runbooks</h3> : null}
      {query.isPending ? (
        <p role="status" className="text-slate-500">
          Looking for runbooks…
        </p>
      ) : query.isError ? (
        <p role="alert" className="text-rose-300">
          Could not look up runbooks: {query.error.message}
        </p>
      ) : (
        <>
          {query.data.runbooks.length > 0 ? (
            <ul className="space-y-0.5">
              {query.data.runbooks.map((runbook) => (
                <li key={runbook.slug} className="flex flex-wrap items-baseline gap-2">
                  <Link href={`/runbooks/${runbook.slug}${context}`} className="text-sky-300 hover:underline">
                    {runbook.title}
                  </Link>
                  <span className="text-xs text-slate-500" title={runbook.matcher}>
                    by {REASONS[runbook.reason]}
                    {runbook.matcher ? ` ${runbook.matcher}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {query.data.externalUrl ? (
            <p>
              <a href={query.data.externalUrl} target="_blank" rel="noopener noreferrer nofollow" className="text-sky-300 hover:underline">
                runbook_url
              </a>{" "}
              <span className="text-xs text-slate-500">(outside the console)</span>
            </p>
          ) : null}
          {query.data.runbooks.length === 0 && !query.data.externalUrl ? (
            <p className="text-slate-400">
              No runbook answers this alert yet.{" "}
              {labels.alertname ? (
                <Link href={`/runbooks/new?alert=${encodeURIComponent(labels.alertname)}`} className="text-sky-300 hover:underline">
                  Write one
                </Link>
              ) : null}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
