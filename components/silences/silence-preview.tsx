"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { Panel, PanelEmpty, PanelError, PanelLoading } from "@/components/ui/panel";
import { previewSilence } from "@/lib/silences/preview";
import type { SilencesOverview } from "@/lib/silences/types";
import { matcherInputSchema, toAlertmanagerMatcher, type MatcherInput } from "@/lib/validations/silences";
import { InstanceBanners } from "./instance-banners";
import { LabelChips } from "./matcher-chips";

export interface SilencePreviewProps {
  matchers: MatcherInput[];
  query: UseQueryResult<SilencesOverview, Error>;
  /** The silence being edited: alerts it already mutes are not "already silenced by another". */
  editingId?: string;
}

/** The firing alerts the silence would mute, recomputed on every keystroke with Alertmanager's semantics. */
export function SilencePreview({ matchers, query, editingId }: SilencePreviewProps) {
  const data = query.data;
  const rowsValid = matchers.every((row) => matcherInputSchema.safeParse(row).success);
  const preview = data && rowsValid ? previewSilence(matchers.map(toAlertmanagerMatcher), data.alerts) : undefined;
  return (
    <Panel title="Preview" description="Alerts firing now that this silence would mute, as Alertmanager matches them.">
      {query.isPending ? (
        <PanelLoading label="Loading the alerts" />
      ) : (
        <div className="space-y-2">
          {query.isError ? <PanelError title="Could not load the alerts" message={query.error.message} staleSince={data ? query.dataUpdatedAt : undefined} /> : null}
          {data ? <InstanceBanners instances={data.instances} /> : null}
          {matchers.every((row) => row.value === "") ? (
            <PanelEmpty>Fill in a matcher to see which alerts it matches.</PanelEmpty>
          ) : !rowsValid ? (
            <PanelEmpty>Fix the matchers to see which alerts they match.</PanelEmpty>
          ) : preview && !preview.ok ? (
            <div role="status" className="rounded border border-warning/40 bg-warning/10 px-3 py-2 text-sm text-amber-100">
              Alertmanager would refuse these matchers: {preview.problems.map((problem) => problem.message).join("; ")}.
            </div>
          ) : preview?.ok ? (
            <>
              <p role="status" aria-live="polite" className="text-sm text-slate-200">
                {preview.matched.length === 0
                  ? `Matches none of the ${preview.total} alerts firing now.`
                  : `Would silence ${preview.matched.length} of ${preview.total} firing alerts.`}
              </p>
              {preview.matched.length > 0 ? (
                <ul aria-label="Matching alerts" className="max-h-96 space-y-1.5 overflow-y-auto">
                  {preview.matched.map((alert) => {
                    const others = alert.silencedBy.filter((id) => id !== editingId);
                    return (
                      <li key={alert.fingerprint} className="rounded border border-edge px-2 py-1.5">
                        <LabelChips labels={alert.labels} />
                        {others.length > 0 ? <p className="mt-1 text-xs text-slate-400">already silenced by {others.join(", ")}</p> : null}
                        {alert.inhibitedBy.length > 0 ? <p className="mt-1 text-xs text-slate-400">inhibited</p> : null}
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </>
          ) : null}
        </div>
      )}
    </Panel>
  );
}
