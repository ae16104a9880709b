"use client";

import { useRef, useState, type FormEvent } from "react";
import type { ListedAlert } from "@/lib/alerts/types";
import { useAcknowledge, type AcknowledgeResponse } from "@/lib/queries/alerts";
import { Dialog } from "@/components/ui/dialog";

export interface AcknowledgeDialogProps {
  alerts: ListedAlert[];
  onClose: () => void;
}

const EXPIRY: Array<[string, string]> = [
  ["", "Never (until resolved or withdrawn)"],
  ["30", "30 minutes"],
  ["60", "1 hour"],
  ["240", "4 hours"],
  ["1440", "24 hours"],
];

const SILENCE: Array<[string, string]> = [
  ["30", "30 minutes"],
  ["60", "1 hour"],
  ["120", "2 hours"],
  ["240", "4 hours"],
  ["1440", "24 hours"],
];

function summary(result: AcknowledgeResponse): string {
  const parts = [`Acknowledged ${result.acknowledged.length} alert${result.acknowledged.length === 1 ? "" : "s"}.`];
  if (result.conflicts.length > 0) {
    const [first] = result.conflicts;
    parts.push(`${result.conflicts.length} had already been acknowledged${first ? ` (first by ${first.acknowledgedBy})` : ""}.`);
  }
  if (result.silence && "id" in result.silence) parts.push(`Silenced as ${result.silence.id}.`);
  if (result.silence && "error" in result.silence) parts.push(result.silence.error);
  return parts.join(" ");
}

/**
 * Acknowledge one alert or a group, with an optional note and expiry. Acknowledging does not
 * silence; "Acknowledge and silence" also creates a silence for the labels the alerts share.
 */
export function AcknowledgeDialog({ alerts, onClose }: AcknowledgeDialogProps) {
  const acknowledge = useAcknowledge();
  const [outcome, setOutcome] = useState<string | null>(null);
  const [silenceFor, setSilenceFor] = useState("60");
  const withSilence = useRef(false);
  const title = alerts.length === 1 ? `Acknowledge ${alerts[0]?.labels.alertname ?? "alert"}` : `Acknowledge ${alerts.length} alerts`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const note = String(form.get("note") ?? "").trim();
    const expires = String(form.get("expires") ?? "");
    acknowledge.mutate(
      {
        alerts: alerts.map((alert) => ({ fingerprint: alert.fingerprint, startsAt: alert.startsAt })),
        ...(note ? { note } : {}),
        ...(expires ? { expiresInMinutes: Number(expires) } : {}),
        ...(withSilence.current ? { silenceMinutes: Number(silenceFor) } : {}),
      },
      {
        onSuccess: (result) => {
          if (result.conflicts.length === 0 && !(result.silence && "error" in result.silence)) onClose();
          else setOutcome(summary(result));
        },
      },
    );
  };

  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={submit} className="space-y-3 text-sm">
        <p className="text-xs text-slate-400">
          Acknowledging tells the team you are on it. It does not silence: notifications keep flowing. An alert that resolves and fires again is unacknowledged again.
        </p>
        <label className="block">
          Note (optional)
          <textarea name="note" maxLength={1000} rows={2} className="mt-1 w-full rounded border border-edge bg-surface px-2 py-1 text-slate-100" />
        </label>
        <label className="block">
          Expires
          <select name="expires" defaultValue="" className="ml-2 rounded border border-edge bg-surface px-2 py-1 text-slate-200">
            {EXPIRY.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {acknowledge.error ? (
          <p role="alert" className="rounded border border-critical/40 bg-critical/10 px-2 py-1 text-rose-200">
            {acknowledge.error.message}
          </p>
        ) : null}
        {outcome ? (
          <p role="status" className="rounded border border-edge px-2 py-1 text-slate-200">
            {outcome}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-2">
          <button type="submit" onClick={() => (withSilence.current = false)} disabled={acknowledge.isPending} className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-600 disabled:opacity-50">
            Acknowledge
          </button>
          <span className="text-slate-500">or</span>
          <button type="submit" onClick={() => (withSilence.current = true)} disabled={acknowledge.isPending} className="rounded border border-edge px-3 py-1.5 text-slate-100 hover:bg-edge disabled:opacity-50">
            Acknowledge and silence for
          </button>
          <select aria-label="Silence for" value={silenceFor} onChange={(event) => setSilenceFor(event.target.value)} className="rounded border border-edge bg-surface px-2 py-1 text-slate-200">
            {SILENCE.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </form>
    </Dialog>
  );
}
