"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { FormField } from "@/components/ui/form-field";
import { PanelError } from "@/components/ui/panel";
import { ApiError } from "@/lib/queries/fetch-json";
import { createSloRequest, leEdgesQuery, sloConflictSchema, sloKeys, sloPreviewQuery, updateSloRequest } from "@/lib/queries/slos";
import { EMPTY_FORM, formErrors, SLI_KIND_LABEL, SLI_KINDS, specFromForm, WINDOWS, type SloForm } from "@/lib/slo/editor-form";
import { sameEdge } from "@/lib/slo/le";
import { BURN_WINDOWS } from "@/lib/slo/model";
import { parseSelector, specIssues, storedSloSpecSchema, type StoredSloSpecInput } from "@/lib/slo/spec";
import { formatBurn, formatPercent } from "@/lib/slo/view";
import { BudgetBar } from "./slo-badges";

export interface SloEditorProps {
  /** The stored SLO being edited; absent for a new one. */
  editing?: { id: string; version: number; form: SloForm };
  /** The configured Prometheus sources (PROMETHEUS_SOURCES), the default first. */
  sources: string[];
}

type Errors = Partial<Record<keyof SloForm | "form", string[]>>;

/** The form validated with the schema files and the API use: the spec, or the problems by field. */
function validate(form: SloForm): { spec?: StoredSloSpecInput; errors: Errors } {
  const built = specFromForm(form);
  if ("labelsProblem" in built) return { errors: { labels: [built.labelsProblem] } };
  const parsed = storedSloSpecSchema.safeParse(built.spec);
  return parsed.success ? { spec: built.spec, errors: {} } : { errors: formErrors(specIssues(parsed.error)) };
}

/** Creating or editing an SLO stored in the console, with a live preview computed by the server. */
export function SloEditor({ editing, sources }: SloEditorProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<SloForm>(editing?.form ?? EMPTY_FORM);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [conflict, setConflict] = useState<{ message: string; version: number }>();
  const set = (change: Partial<SloForm>) => {
    setForm((current) => ({ ...current, ...change }));
    setServerErrors({});
  };

  const checked = useMemo(() => validate(form), [form]);
  // The preview follows typing after a pause, so Prometheus is not asked on every keystroke.
  const [previewSpec, setPreviewSpec] = useState<StoredSloSpecInput>();
  useEffect(() => {
    const timer = setTimeout(() => setPreviewSpec(checked.spec), 600);
    return () => clearTimeout(timer);
  }, [checked.spec]);
  const preview = useQuery(sloPreviewQuery(previewSpec));

  const [histogram, setHistogram] = useState(form.histogram);
  useEffect(() => {
    const timer = setTimeout(() => setHistogram(form.histogram.trim()), 400);
    return () => clearTimeout(timer);
  }, [form.histogram]);
  // Only a selector that parses is sent: the server would refuse the rest.
  const histogramParses = histogram !== "" && typeof parseSelector(histogram) !== "string";
  const edges = useQuery({ ...leEdgesQuery(histogram, form.datasource), enabled: form.sliKind === "latency" && histogramParses });
  const edgeOptions = edges.data?.edges ?? [];
  const selectedEdge = edgeOptions.find((edge) => form.le !== "" && sameEdge(edge, form.le)) ?? "";

  const errors: Errors = { ...(touched ? checked.errors : {}), ...serverErrors };

  async function save(event?: FormEvent<HTMLFormElement>, overVersion?: number) {
    event?.preventDefault();
    setTouched(true);
    setFailure(undefined);
    if (!checked.spec) return;
    setSaving(true);
    try {
      const saved = editing ? await updateSloRequest(editing.id, overVersion ?? editing.version, checked.spec) : await createSloRequest(checked.spec);
      await queryClient.invalidateQueries({ queryKey: sloKeys.all, refetchType: "none" });
      router.push(`/slos/${saved.id}`);
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && editing) {
        const body: unknown = error.body;
        const current = typeof body === "object" && body !== null && "current" in body ? sloConflictSchema.safeParse(body.current) : undefined;
        if (current?.success) setConflict({ message: error.message, version: current.data.version });
        else setFailure(error.message);
      } else if (error instanceof ApiError && error.body?.issues?.length) {
        setServerErrors(formErrors(error.body.issues));
        setFailure(error.message);
      } else {
        setFailure(error instanceof Error ? error.message : String(error));
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(event) => void save(event)} aria-label={editing ? `Edit SLO ${editing.id}` : "New SLO"} className="space-y-4" noValidate>
      <div className="flex items-center justify-between gap-3">
        <h1 className="text-lg font-semibold text-white">{editing ? `Edit SLO ${form.service} / ${form.name}` : "New SLO"}</h1>
        <div className="flex gap-2">
          <button type="button" onClick={() => router.push(editing ? `/slos/${editing.id}` : "/slos")} className="rounded border border-edge px-3 py-1.5 text-sm text-slate-200 hover:bg-white/5">
            Cancel
          </button>
          <button type="submit" disabled={saving || conflict !== undefined} className="rounded bg-info/90 px-3 py-1.5 text-sm font-medium text-slate-950 hover:bg-info disabled:opacity-60">
            {saving ? "Saving…" : editing ? "Save SLO" : "Create SLO"}
          </button>
        </div>
      </div>
      {failure && Object.keys(serverErrors).length === 0 ? <PanelError title="Could not save the SLO" message={failure} /> : null}
      {errors.form ? <PanelError title="The SLO is not valid" message={errors.form.join(" ")} /> : null}
      {conflict ? (
        <section role="alert" aria-label="Edit conflict" className="space-y-2 rounded-lg border border-warning/50 bg-warning/10 p-4">
          <h2 className="font-semibold text-amber-100">Someone else changed this SLO while you were editing</h2>
          <p className="text-sm text-amber-50/90">{conflict.message}</p>
          <div className="flex gap-2">
            <button type="button" onClick={() => router.refresh()} className="rounded border border-edge px-3 py-1.5 text-sm text-slate-200">
              Reload their version
            </button>
            <button
              type="button"
              onClick={() => {
                const version = conflict.version;
                setConflict(undefined);
                void save(undefined, version);
              }}
              className="rounded bg-warning/90 px-3 py-1.5 text-sm font-medium text-slate-950"
            >
              Save mine over version {conflict.version}
            </button>
          </div>
        </section>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-4">
          <fieldset className="grid gap-3 rounded-lg border border-edge p-4 sm:grid-cols-2">
            <legend className="px-1 text-xs font-semibold uppercase text-slate-400">What</legend>
            <FormField label="Service" errors={errors.service}>
              {(props) => <input {...props} value={form.service} readOnly={editing !== undefined} onChange={(event) => set({ service: event.target.value })} placeholder="inference-gateway" />}
            </FormField>
            <FormField label="Name" hint="letters, digits, - _ ." errors={errors.name}>
              {(props) => <input {...props} value={form.name} readOnly={editing !== undefined} onChange={(event) => set({ name: event.target.value })} placeholder="latency-p95-500ms" />}
            </FormField>
            <div className="sm:col-span-2">
              <FormField label="Description" errors={errors.description}>
                {(props) => <input {...props} value={form.description} onChange={(event) => set({ description: event.target.value })} />}
              </FormField>
            </div>
            <FormField label="Objective" hint="percent, e.g. 99.9" errors={errors.objective}>
              {(props) => <input {...props} inputMode="decimal" value={form.objective} onChange={(event) => set({ objective: event.target.value })} />}
            </FormField>
            <FormField label="Window" errors={errors.window}>
              {(props) => (
                <select {...props} value={form.window} onChange={(event) => set({ window: WINDOWS.find((window) => window === event.target.value) ?? "30d" })}>
                  {WINDOWS.map((window) => (
                    <option key={window} value={window}>
                      {window === "calendar-month" ? "Calendar month" : `Rolling ${window}`}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label="Prometheus source" errors={errors.datasource}>
              {(props) => (
                <select {...props} value={form.datasource} onChange={(event) => set({ datasource: event.target.value })}>
                  {sources.map((source, index) => (
                    <option key={source} value={index === 0 ? "" : source}>
                      {index === 0 ? `${source} (PROMETHEUS_URL)` : source}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </fieldset>

          <fieldset className="grid gap-3 rounded-lg border border-edge p-4 sm:grid-cols-2">
            <legend className="px-1 text-xs font-semibold uppercase text-slate-400">Indicator</legend>
            <div className="sm:col-span-2">
              <FormField label="SLI kind" errors={errors.sliKind}>
                {(props) => (
                  <select {...props} value={form.sliKind} onChange={(event) => set({ sliKind: SLI_KINDS.find((kind) => kind === event.target.value) ?? "ratio-bad" })}>
                    {SLI_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {SLI_KIND_LABEL[kind]}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
            </div>
            {form.sliKind === "ratio-bad" ? (
              <div className="sm:col-span-2">
                <FormField label="Bad events" hint="counter selector" errors={errors.errors}>
                  {(props) => <input {...props} className={`${props.className} font-mono`} value={form.errors} onChange={(event) => set({ errors: event.target.value })} placeholder='http_requests_total{job="api", code=~"5.."}' />}
                </FormField>
              </div>
            ) : null}
            {form.sliKind === "ratio-good" ? (
              <div className="sm:col-span-2">
                <FormField label="Good events" hint="counter selector" errors={errors.good}>
                  {(props) => <input {...props} className={`${props.className} font-mono`} value={form.good} onChange={(event) => set({ good: event.target.value })} placeholder='http_requests_total{job="api", code!~"5.."}' />}
                </FormField>
              </div>
            ) : null}
            {form.sliKind === "ratio-bad" || form.sliKind === "ratio-good" ? (
              <div className="sm:col-span-2">
                <FormField label="Total events" hint="counter selector" errors={errors.total}>
                  {(props) => <input {...props} className={`${props.className} font-mono`} value={form.total} onChange={(event) => set({ total: event.target.value })} placeholder='http_requests_total{job="api"}' />}
                </FormField>
              </div>
            ) : null}
            {form.sliKind === "latency" ? (
              <>
                <div className="sm:col-span-2">
                  <FormField label="Histogram" hint="base name and matchers, without _bucket" errors={errors.histogram}>
                    {(props) => (
                      <input {...props} className={`${props.className} font-mono`} value={form.histogram} onChange={(event) => set({ histogram: event.target.value })} placeholder='vllm:e2e_request_latency_seconds{job="vllm"}' />
                    )}
                  </FormField>
                </div>
                <FormField label="Threshold (bucket edge)" errors={errors.le}>
                  {(props) => (
                    <select {...props} value={selectedEdge} disabled={edgeOptions.length === 0} onChange={(event) => set({ le: event.target.value })}>
                      <option value="">{edges.isFetching ? "Reading the bucket edges…" : edgeOptions.length === 0 ? "No bucket edges yet" : "Choose an edge"}</option>
                      {edgeOptions.map((edge) => (
                        <option key={edge} value={edge}>
                          le={edge}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
                <p className="self-end text-xs text-slate-400" role="status">
                  {!histogramParses
                    ? "Give the histogram to see its bucket edges."
                    : edges.isError
                      ? `Could not read the bucket edges: ${edges.error.message}`
                      : edges.data && edgeOptions.length === 0
                        ? "Prometheus holds no _bucket series for this histogram."
                        : edges.data
                          ? `${edgeOptions.length} edges read from Prometheus; a request slower than the edge counts as bad.`
                          : null}
                </p>
              </>
            ) : null}
            {form.sliKind === "bool" ? (
              <div className="sm:col-span-2">
                <FormField label="Expression" hint="0 or 1, e.g. up{job=&quot;api&quot;} or x > bool 0.8" errors={errors.boolExpr}>
                  {(props) => <input {...props} className={`${props.className} font-mono`} value={form.boolExpr} onChange={(event) => set({ boolExpr: event.target.value })} />}
                </FormField>
              </div>
            ) : null}
            <FormField label="Group by label" hint="one SLO per value, optional" errors={errors.groupBy}>
              {(props) => <input {...props} value={form.groupBy} onChange={(event) => set({ groupBy: event.target.value })} placeholder="model_name" />}
            </FormField>
          </fieldset>

          <fieldset className="grid gap-3 rounded-lg border border-edge p-4 sm:grid-cols-2">
            <legend className="px-1 text-xs font-semibold uppercase text-slate-400">Ownership and links</legend>
            <FormField label="Team" errors={errors.team}>
              {(props) => <input {...props} value={form.team} onChange={(event) => set({ team: event.target.value })} />}
            </FormField>
            <FormField label="Labels" hint="name=value, comma-separated" errors={errors.labels}>
              {(props) => <input {...props} value={form.labels} onChange={(event) => set({ labels: event.target.value })} placeholder="tier=1" />}
            </FormField>
            <div className="sm:col-span-2">
              <FormField label="Runbook URL" errors={errors.runbook}>
                {(props) => <input {...props} value={form.runbook} onChange={(event) => set({ runbook: event.target.value })} placeholder="https://…" />}
              </FormField>
            </div>
            <div className="sm:col-span-2">
              <FormField label="Dashboards" hint="one per line: title | url" errors={errors.dashboards}>
                {(props) => <textarea {...props} rows={2} value={form.dashboards} onChange={(event) => set({ dashboards: event.target.value })} />}
              </FormField>
            </div>
          </fieldset>
        </div>

        <aside aria-label="Preview" className="space-y-2 rounded-lg border border-edge p-4">
          <h2 className="text-xs font-semibold uppercase text-slate-400">Preview (not saved)</h2>
          {!checked.spec ? (
            <p className="text-sm text-slate-400">Complete the form to see the SLO&apos;s current figures.</p>
          ) : preview.isPending ? (
            <p className="text-sm text-slate-400">Computing…</p>
          ) : preview.isError ? (
            <PanelError title="Could not compute the preview" message={preview.error.message} />
          ) : preview.data.rows.length === 0 ? (
            <p className="text-sm text-slate-400">No series match yet.</p>
          ) : (
            <ul className="space-y-3">
              {preview.data.rows.slice(0, 5).map((row) => (
                <li key={row.key} className="space-y-1 text-sm">
                  {row.group ? <div className="text-xs text-slate-400">{`${row.group.label}=${row.group.value}`}</div> : null}
                  <div className="flex justify-between">
                    <span className="text-slate-400">SLI</span>
                    <span className="tabular-nums text-white">{formatPercent(row.sli, 3)}</span>
                  </div>
                  <div>
                    <span className="text-xs text-slate-400">Budget left</span>
                    <BudgetBar remaining={row.errorBudgetRemaining} />
                  </div>
                  <div className="flex flex-wrap gap-x-3 text-xs text-slate-400">
                    {BURN_WINDOWS.filter((window) => window === "1h" || window === "6h" || window === "3d").map((window) => (
                      <span key={window}>
                        burn {window} <span className="tabular-nums text-slate-200">{formatBurn(row.burnRates[window] ?? null)}</span>
                      </span>
                    ))}
                  </div>
                </li>
              ))}
              {preview.data.rows.length > 5 ? <li className="text-xs text-slate-500">and {preview.data.rows.length - 5} more groups</li> : null}
            </ul>
          )}
        </aside>
      </div>
    </form>
  );
}
