"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { Panel } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { alertSlosQuery } from "@/lib/queries/slos";
import { sloHref } from "@/lib/slo/alert-match";
import { formatBurn, formatPercent } from "@/lib/slo/view";
import { BudgetBar } from "./slo-badges";

export interface AlertSlosProps {
  /** The alert's labels: its `slo_id`, else its `service` (and a grouped SLO's label) pick the SLOs. */
  labels: Record<string, string>;
}

/** The SLOs an alert is about, burning ones first: for the alert page. */
export function AlertSlos({ labels }: AlertSlosProps) {
  const query = useQuery(alertSlosQuery(labels));
  return (
    <Panel title="Error budgets" description="SLOs of this alert's service, and whether their budgets are burning now (1h burn rate above 1).">
      <QueryState query={query} errorTitle="Could not load the SLOs" loadingLabel="Loading SLOs" isEmpty={(data) => data.rows.length === 0} empty="No SLO covers this alert's service.">
        {(data) => (
          <ul className="divide-y divide-edge text-sm">
            {data.rows.map((row) => (
              <li key={row.key} className="flex flex-wrap items-center gap-3 py-2">
                <Link href={sloHref(row.id, row.group?.value)} className="min-w-48 text-info hover:underline">
                  {row.service} · {row.slo}
                  {row.group ? ` (${row.group.value})` : ""}
                </Link>
                <span className={row.burning ? "font-medium text-rose-300" : "text-slate-400"}>{row.burning ? "burning" : "not burning"}</span>
                <span className="text-slate-300">SLI {formatPercent(row.sli, 3)}</span>
                <BudgetBar remaining={row.errorBudgetRemaining} />
                <span className="text-xs text-slate-400">1h burn {formatBurn(row.burnRates["1h"])}</span>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Panel>
  );
}
