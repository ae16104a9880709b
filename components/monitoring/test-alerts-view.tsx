"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { formatAgo } from "@/lib/format";
import { matchRoutes } from "@/lib/monitoring/routing";
import { isTestAlert, resolveLabels, testAlertBody, type TestAlertForm } from "@/lib/monitoring/test-alerts";
import { alertKeys, alertsQuery } from "@/lib/queries/alerts";
import { routingQuery } from "@/lib/queries/monitoring";
import { sendJson } from "@/lib/queries/send-json";
import { testAlertResultSchema, type TestAlertResultBody } from "@/lib/validations/monitoring";
import { Panel, PanelError } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { useRefresh } from "@/components/ui/refresh-picker";

export interface TestAlertsViewProps {
  /** Responders and up may send and resolve; viewers watch. */
  canSend: boolean;
}

const INITIAL: TestAlertForm = { alertname: "VigilTestAlert", severity: "warning", service: "", extraLabels: "", summary: "", durationMinutes: 10 };

function postTestAlert(body: unknown): Promise<TestAlertResultBody> {
  return sendJson("/api/alerts/test", "POST", body, testAlertResultSchema);
}

/** Send a test alert with chosen labels, watch it arrive and where it was routed, then resolve it. */
export function TestAlertsView({ canSend }: TestAlertsViewProps) {
  const { interval } = useRefresh();
  const client = useQueryClient();
  const [form, setForm] = useState<TestAlertForm>(INITIAL);
  const [formError, setFormError] = useState<string>();
  const alerts = useQuery(alertsQuery(interval === false ? 5000 : Math.min(interval, 5000)));
  const routing = useQuery(routingQuery(false));
  const tree = routing.data?.instances.find((instance) => instance.ok);
  const testAlerts = useMemo(() => (alerts.data?.alerts ?? []).filter((alert) => isTestAlert(alert.labels)), [alerts.data]);

  const send = useMutation({
    mutationFn: postTestAlert,
    onSuccess: () => client.invalidateQueries({ queryKey: alertKeys.all }),
  });
  const resolve = useMutation({
    mutationFn: (labels: Record<string, string>) => postTestAlert({ labels, resolve: true }),
    onSuccess: () => client.invalidateQueries({ queryKey: alertKeys.all }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = testAlertBody(form);
    if (!body.ok) {
      setFormError(body.error);
      return;
    }
    setFormError(undefined);
    send.mutate(body.value);
  };
  const field = (name: keyof TestAlertForm) => ({
    value: String(form[name]),
    onChange: (event: { target: { value: string } }) =>
      setForm({ ...form, [name]: name === "durationMinutes" ? Number(event.target.value) : event.target.value }),
  });
  const inputClass = "rounded border border-edge bg-surface px-3 py-1.5 text-sm text-white outline-none focus:border-info";

  return (
    <div className="grid gap-4 lg:grid-cols-[24rem_1fr]">
      <Panel title="Send a test alert" description="Posted to every Alertmanager with the label vigil_test=&quot;true&quot;, audited.">
        {!canSend ? (
          <p className="text-sm text-slate-400">Sending test alerts needs the responder role or higher; you can watch the ones others send.</p>
        ) : (
          <form aria-label="Send a test alert" onSubmit={submit} className="space-y-3 text-sm">
            <label className="flex flex-col gap-1 text-xs text-slate-400">
              alertname
              <input required {...field("alertname")} className={inputClass} />
            </label>
            <label className="flex flex-col gap-1 text-xs text-slate-400">
              severity
              <select {...field("severity")} className={inputClass}>
                <option value="critical">critical</option>
                <option value="warning">warning</option>
                <option value="info">info</option>
                <option value="">(none)</option>
              </select>
            </label>
            <label className="flex flex-col gap-1 text-xs text-slate-400">
              service
              <input {...field("service")} placeholder="inferno, llm-agents, …" className={inputClass} />
            </label>
            <label className="flex flex-col gap-1 text-xs text-slate-400">
              More labels
              <input {...field("extraLabels")} placeholder='team="ml", instance="a:9100"' className={`${inputClass} font-mono`} />
            </label>
            <label className="flex flex-col gap-1 text-xs text-slate-400">
              Summary
              <input {...field("summary")} placeholder="Testing the pager route" className={inputClass} />
            </label>
            <label className="flex flex-col gap-1 text-xs text-slate-400">
              Resolves by itself after (minutes)
              <input type="number" min={1} max={1440} {...field("durationMinutes")} className={inputClass} />
            </label>
            {formError ? (
              <p role="alert" className="text-rose-300">
                {formError}
              </p>
            ) : null}
            {send.isError ? <PanelError title="The test alert was not sent" message={send.error.message} /> : null}
            {send.data ? (
              <p role="status" className="text-xs text-emerald-300">
                Sent {send.data.labels.alertname} to {send.data.instances.filter((instance) => instance.ok).length} of {send.data.instances.length} Alertmanagers
                {send.data.instances.some((instance) => !instance.ok) ? ` (failed: ${send.data.instances.filter((instance) => !instance.ok).map((instance) => instance.instance).join(", ")})` : ""}.
              </p>
            ) : null}
            <button type="submit" disabled={send.isPending} className="rounded bg-info/80 px-3 py-1.5 font-medium text-slate-950 hover:bg-info disabled:opacity-50">
              {send.isPending ? "Sending…" : "Send test alert"}
            </button>
          </form>
        )}
      </Panel>

      <Panel title="Test alerts in Alertmanager" description="Every alert carrying vigil_test=&quot;true&quot;, with the receivers Alertmanager routed it to.">
        {resolve.isError ? <PanelError title="Could not resolve the test alert" message={resolve.error.message} /> : null}
        <QueryState query={alerts} errorTitle="Could not load alerts from Alertmanager" loadingLabel="Loading test alerts" isEmpty={() => testAlerts.length === 0} empty="No test alert is active. Send one and it appears here within seconds.">
          {(data) => (
            <>
              {data.instances.some((instance) => !instance.ok) ? (
                <p className="mb-2 text-xs text-amber-300">
                  Not answering: {data.instances.filter((instance) => !instance.ok).map((instance) => instance.instance).join(", ")}
                </p>
              ) : null}
              <ul aria-label="Test alerts" className="divide-y divide-edge text-sm">
                {testAlerts.map((alert) => {
                  const expected = tree?.ok ? matchRoutes(tree.config.route, alert.labels).receivers : undefined;
                  const actual = alert.receivers.map((receiver) => receiver.name);
                  return (
                    <li key={alert.fingerprint} aria-label={`test alert ${alert.labels.alertname ?? ""}`} className="py-2">
                      <div className="flex flex-wrap items-baseline gap-x-3">
                        <span className="font-medium text-white">{alert.labels.alertname}</span>
                        <span className="text-xs text-slate-400">
                          {alert.status.state} · since {formatAgo(Date.parse(alert.startsAt), alerts.dataUpdatedAt)} · on {alert.instances.length} Alertmanager{alert.instances.length === 1 ? "" : "s"}
                        </span>
                        {canSend ? (
                          <button
                            type="button"
                            disabled={resolve.isPending}
                            onClick={() => resolve.mutate(resolveLabels(alert.labels))}
                            className="ml-auto rounded border border-edge px-2 py-0.5 text-xs text-slate-200 hover:text-white disabled:opacity-50"
                          >
                            Resolve {alert.labels.alertname}
                          </button>
                        ) : null}
                      </div>
                      <p className="text-xs text-slate-300">
                        Routed to <strong className="text-white">{actual.join(", ") || "no receiver"}</strong>
                        {expected && expected.join(",") !== [...new Set(actual)].join(",") ? <span className="text-amber-300"> (the routing tree says {expected.join(", ")})</span> : null}
                      </p>
                      <p className="text-xs text-slate-500">
                        {Object.entries(alert.labels)
                          .filter(([name]) => name !== "alertname")
                          .map(([name, value]) => `${name}="${value}"`)
                          .join(", ")}
                      </p>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </QueryState>
      </Panel>
    </div>
  );
}
