import type { Severity } from "@/lib/alertmanager/severity";

export const SEVERITY_STYLE: Record<Severity, string> = {
  critical: "border-critical/50 text-rose-300",
  warning: "border-warning/50 text-amber-300",
  info: "border-info/50 text-sky-300",
  none: "border-slate-600 text-slate-300",
};

export interface SeverityBadgeProps {
  severity: Severity;
}

export function SeverityBadge({ severity }: SeverityBadgeProps) {
  return (
    <span className={`inline-block w-16 shrink-0 rounded border px-1.5 text-center text-[10px] font-semibold uppercase ${SEVERITY_STYLE[severity]}`}>
      {severity === "none" ? "—" : severity}
    </span>
  );
}
