"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { Link } from "@/components/ui/link";
import { useEffect, useRef } from "react";
import { severityOf } from "@/lib/alertmanager/severity";
import { isAcknowledged } from "@/lib/alerts/filter";
import type { AlertGroupView, AlertListRow } from "@/lib/alerts/group";
import { commonLabels, matchersForLabels, silenceLink } from "@/lib/alerts/links";
import { markdownPreview } from "@/lib/alerts/plain-text";
import type { ListedAlert } from "@/lib/alerts/types";
import { formatAgo } from "@/lib/format";
import { SeverityBadge } from "./severity-badge";

export interface AlertListProps {
  rows: AlertListRow[];
  /** Index (in rows) of the keyboard cursor. */
  active: number;
  selected: string | undefined;
  instanceCount: number;
  now: number;
  canAcknowledge: boolean;
  onOpen: (alert: ListedAlert, index: number) => void;
  onToggleGroup: (key: string) => void;
  onAcknowledge: (alerts: ListedAlert[]) => void;
}

const GROUP_HEIGHT = 40;
const ALERT_HEIGHT = 58;
const HIDDEN_LABELS = new Set(["alertname", "severity"]);

function StateBadges({ alert }: { alert: ListedAlert }) {
  const ack = alert.acknowledgement;
  return (
    <span className="flex shrink-0 gap-1 text-[10px] uppercase">
      {alert.status.silencedBy.length > 0 ? <span className="rounded bg-slate-700 px-1.5 text-slate-200">silenced</span> : null}
      {alert.status.inhibitedBy.length > 0 ? <span className="rounded bg-slate-700 px-1.5 text-slate-200">inhibited</span> : null}
      {ack && !ack.expired ? <span className="rounded bg-emerald-900 px-1.5 text-emerald-200">acked by {ack.by}</span> : null}
      {ack?.expired ? <span className="rounded bg-amber-900 px-1.5 text-amber-200">ack expired</span> : null}
    </span>
  );
}

function GroupHeader({ group, collapsed, canAcknowledge, onToggle, onAcknowledge }: { group: AlertGroupView; collapsed: boolean; canAcknowledge: boolean; onToggle: () => void; onAcknowledge: () => void }) {
  const title = Object.entries(group.labels)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join(", ");
  const unacked = group.alerts.filter((alert) => !isAcknowledged(alert)).length;
  const shared = commonLabels(group.alerts.map((alert) => alert.labels));
  return (
    <div className="flex h-full items-center gap-3 border-b border-edge bg-surface px-2 text-sm">
      <button type="button" aria-expanded={!collapsed} onClick={onToggle} className="flex min-w-0 flex-1 items-center gap-2 text-left text-slate-200">
        <span aria-hidden className="w-3 text-slate-400">
          {collapsed ? "▸" : "▾"}
        </span>
        <span className="truncate font-medium">{title || "(no value)"}</span>
        <span className="shrink-0 text-xs text-slate-400">
          {group.alerts.length} alert{group.alerts.length === 1 ? "" : "s"}
        </span>
      </button>
      <span className="flex shrink-0 gap-2 text-xs tabular-nums" aria-label="Severities in this group">
        {group.counts.critical > 0 ? <span className="text-rose-300">{group.counts.critical} critical</span> : null}
        {group.counts.warning > 0 ? <span className="text-amber-300">{group.counts.warning} warning</span> : null}
        {group.counts.info > 0 ? <span className="text-sky-300">{group.counts.info} info</span> : null}
        {group.counts.none > 0 ? <span className="text-slate-300">{group.counts.none} other</span> : null}
      </span>
      {canAcknowledge && unacked > 0 ? (
        <button type="button" onClick={onAcknowledge} className="shrink-0 rounded border border-edge px-2 py-0.5 text-xs text-slate-200 hover:bg-edge">
          Acknowledge group
        </button>
      ) : null}
      {canAcknowledge && Object.keys(shared).length > 0 ? (
        <Link prefetch={false} href={silenceLink(matchersForLabels(shared))} className="shrink-0 text-xs text-sky-300 hover:underline">
          Silence group
        </Link>
      ) : null}
    </div>
  );
}

function AlertRow({ alert, active, selected, instanceCount, now, onOpen }: { alert: ListedAlert; active: boolean; selected: boolean; instanceCount: number; now: number; onOpen: () => void }) {
  const labels = Object.entries(alert.labels).filter(([name]) => !HIDDEN_LABELS.has(name));
  return (
    <div
      role="option"
      aria-selected={selected}
      aria-label={`${alert.labels.alertname ?? "alert"} ${labels.map(([name, value]) => `${name}=${value}`).join(" ")}`}
      data-active={active || undefined}
      onClick={onOpen}
      className={`flex h-full cursor-pointer items-start gap-3 border-b border-edge/60 px-2 py-1.5 text-sm ${selected ? "bg-sky-950/60" : active ? "bg-edge/60" : "hover:bg-edge/30"} ${active ? "outline outline-1 outline-sky-500" : ""}`}
    >
      <SeverityBadge severity={severityOf(alert.labels)} />
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-2">
          <span className="truncate font-medium text-white">{alert.labels.alertname ?? "(no alertname)"}</span>
          <span className="truncate font-mono text-xs text-slate-400">{labels.map(([name, value]) => `${name}=${value}`).join(" ")}</span>
        </div>
        <p className="truncate text-xs text-slate-400">{markdownPreview(alert.annotations.summary ?? alert.annotations.description ?? "")}</p>
      </div>
      <StateBadges alert={alert} />
      <span className="w-28 shrink-0 text-right text-xs text-slate-400">
        <span className="block">since {formatAgo(Date.parse(alert.startsAt), now)}</span>
        <span className="block" title={alert.instances.join(", ")}>
          {alert.instances.length}/{instanceCount} instance{instanceCount === 1 ? "" : "s"}
        </span>
      </span>
    </div>
  );
}

/** The grouped alerts, virtualized: only the rows in view are in the DOM, so 10,000 alerts stay fast. */
export function AlertList({ rows, active, selected, instanceCount, now, canAcknowledge, onOpen, onToggleGroup, onAcknowledge }: AlertListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.kind === "group" ? GROUP_HEIGHT : ALERT_HEIGHT),
    overscan: 12,
  });
  useEffect(() => {
    if (active >= 0) virtualizer.scrollToIndex(active, { align: "auto" });
  }, [active, virtualizer]);
  useEffect(() => virtualizer.measure(), [rows, virtualizer]);
  return (
    <div ref={scrollRef} role="listbox" aria-label="Alerts" className="h-[calc(100vh-20rem)] min-h-80 overflow-auto rounded-lg border border-edge bg-panel">
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <div key={row.kind === "group" ? `g:${row.group.key}` : `a:${row.alert.fingerprint}`} style={{ position: "absolute", top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}>
              {row.kind === "group" ? (
                <GroupHeader
                  group={row.group}
                  collapsed={row.collapsed}
                  canAcknowledge={canAcknowledge}
                  onToggle={() => onToggleGroup(row.group.key)}
                  onAcknowledge={() => onAcknowledge(row.group.alerts.filter((alert) => !isAcknowledged(alert)))}
                />
              ) : (
                <AlertRow alert={row.alert} active={item.index === active} selected={row.alert.fingerprint === selected} instanceCount={instanceCount} now={now} onOpen={() => onOpen(row.alert, item.index)} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
