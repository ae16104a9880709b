import { DataTable } from "@/components/ui/data-table";
import { formatUsd } from "@/lib/cost/format";
import type { SpendGroup } from "@/lib/cost/spend";

export interface SpendTableProps {
  /** "Tenant", "Model" or "Team". */
  groupLabel: string;
  groups: SpendGroup[];
  showBudget?: boolean;
}

const STATUS_TEXT: Record<SpendGroup["status"], string> = { none: "No budget", ok: "Within budget", near: "Near budget (≥ 90 %)", over: "Forecast over budget" };
const STATUS_CLASS: Record<SpendGroup["status"], string> = { none: "text-slate-400", ok: "text-emerald-300", near: "text-amber-300", over: "text-rose-300 font-medium" };

/** Spend rate, month-to-date and forecast per group, with the budget when there is one. */
export function SpendTable({ groupLabel, groups, showBudget = false }: SpendTableProps) {
  const columns = [
    { label: groupLabel },
    { label: "Spend rate", align: "right" as const },
    { label: "Month to date", align: "right" as const },
    { label: "Forecast", align: "right" as const },
    ...(showBudget ? [{ label: "Budget", align: "right" as const }, { label: "Status" }] : []),
  ];
  return (
    <DataTable columns={columns}>
      {groups.map((group) => (
        <tr key={group.name}>
          <td className="py-1.5 pr-3 text-slate-200">{group.name}</td>
          <td className="py-1.5 pr-3 text-right tabular-nums">{formatUsd(group.ratePerHour)}/h</td>
          <td className="py-1.5 pr-3 text-right tabular-nums">{formatUsd(group.monthToDate)}</td>
          <td className="py-1.5 pr-3 text-right tabular-nums">{formatUsd(group.forecast)}</td>
          {showBudget ? (
            <>
              <td className="py-1.5 pr-3 text-right tabular-nums">{formatUsd(group.budget)}</td>
              <td className={`py-1.5 ${STATUS_CLASS[group.status]}`}>{STATUS_TEXT[group.status]}</td>
            </>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
