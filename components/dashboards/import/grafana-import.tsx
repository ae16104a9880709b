"use client";

import { Link } from "@/components/ui/link";
import { useId, useState, type ChangeEvent } from "react";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { useGrafanaImport } from "@/lib/queries/explore";
import { fieldErrorsOf } from "@/lib/queries/send-json";
import { MAX_IMPORT_SOURCE_CHARS, type ImportAnswer } from "@/lib/validations/dashboard-import";

const STATUS_STYLE: Record<string, string> = {
  converted: "bg-ok/15 text-emerald-300",
  partial: "bg-warning/15 text-amber-300",
  unsupported: "bg-critical/15 text-rose-300",
};

function StatusBadge({ status }: { status: string }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[status] ?? ""}`}>{status}</span>;
}

function ReportView({ answer }: { answer: ImportAnswer }) {
  const { panels, variables } = answer.report;
  const count = (status: string) => panels.filter((panel) => panel.status === status).length;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-300">
        {panels.length} panels: {count("converted")} converted, {count("partial")} partial, {count("unsupported")} unsupported
        {answer.source.schemaVersion !== null ? ` (Grafana schemaVersion ${answer.source.schemaVersion})` : ""}.
      </p>
      <DataTable
        columns={[
          { label: "Panel" },
          { label: "Grafana type" },
          { label: "Status" },
          { label: "What was not kept" },
        ]}
      >
        {panels.map((panel, index) => (
          <tr key={index} className="align-top">
            <td className="py-1.5 pr-3 text-white">{panel.title || <span className="text-slate-500">(untitled)</span>}</td>
            <td className="py-1.5 pr-3 font-mono text-xs">{panel.type}</td>
            <td className="py-1.5 pr-3">
              <StatusBadge status={panel.status} />
            </td>
            <td className="py-1.5 text-xs text-slate-300">{panel.reason ?? "—"}</td>
          </tr>
        ))}
      </DataTable>
      {variables.length > 0 ? (
        <DataTable columns={[{ label: "Variable" }, { label: "Grafana type" }, { label: "Status" }, { label: "What was not kept" }]}>
          {variables.map((variable, index) => (
            <tr key={index} className="align-top">
              <td className="py-1.5 pr-3 font-mono text-white">${variable.name}</td>
              <td className="py-1.5 pr-3 font-mono text-xs">{variable.type}</td>
              <td className="py-1.5 pr-3">
                <StatusBadge status={variable.status} />
              </td>
              <td className="py-1.5 text-xs text-slate-300">{variable.reason ?? "—"}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="text-sm text-slate-400">The dashboard has no variables.</p>
      )}
      {answer.notes.length > 0 ? (
        <ul className="list-disc pl-5 text-sm text-slate-400">
          {answer.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Upload or paste a Grafana dashboard, read the report, choose uid and title, import. */
export function GrafanaImport() {
  const ids = { source: useId(), file: useId(), uid: useId(), title: useId() };
  const [source, setSource] = useState("");
  const [uid, setUid] = useState("");
  const [title, setTitle] = useState("");
  const [checked, setChecked] = useState<ImportAnswer>();
  const [imported, setImported] = useState<ImportAnswer>();
  const [fileError, setFileError] = useState<string>();
  const convert = useGrafanaImport();
  const store = useGrafanaImport();

  function check(text: string) {
    setImported(undefined);
    convert.mutate(
      { input: { source: text }, dryRun: true },
      {
        onSuccess: (answer) => {
          setChecked(answer);
          setUid(answer.uid);
          setTitle(answer.title);
        },
        onError: () => setChecked(undefined),
      },
    );
  }

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setFileError(undefined);
    if (!file) return;
    if (file.size > MAX_IMPORT_SOURCE_CHARS) {
      setFileError(`${file.name} is larger than ${MAX_IMPORT_SOURCE_CHARS / 1024 / 1024} MB.`);
      return;
    }
    const text = await file.text();
    setSource(text);
    check(text);
  }

  function importNow() {
    store.mutate(
      { input: { source, ...(uid ? { uid } : {}), ...(title.trim() ? { title: title.trim() } : {}) }, dryRun: false },
      { onSuccess: (answer) => setImported(answer) },
    );
  }

  const storeErrors = fieldErrorsOf(store.error);
  const uidTaken = checked?.uidTaken && uid === checked.uid;

  return (
    <div className="space-y-4">
      <Panel title="Grafana dashboard JSON" description="Share → Export → Save to file in Grafana, or the API's answer to GET /api/dashboards/uid/<uid>.">
        <div className="space-y-3">
          <div>
            <label htmlFor={ids.file} className="mb-1 block text-sm text-slate-300">
              Upload a file
            </label>
            <input id={ids.file} type="file" accept=".json,application/json" onChange={(event) => void upload(event)} className="text-sm text-slate-300" />
            {fileError ? (
              <p role="alert" className="mt-1 text-xs text-rose-300">
                {fileError}
              </p>
            ) : null}
          </div>
          <div>
            <label htmlFor={ids.source} className="mb-1 block text-sm text-slate-300">
              Or paste the JSON
            </label>
            <textarea
              id={ids.source}
              value={source}
              onChange={(event) => setSource(event.target.value)}
              rows={10}
              spellCheck={false}
              className="w-full rounded border border-edge bg-surface px-3 py-2 font-mono text-xs text-white outline-none focus:border-info"
            />
          </div>
          <button
            type="button"
            onClick={() => check(source)}
            disabled={convert.isPending || source.trim() === ""}
            className="rounded bg-edge px-3 py-1.5 text-sm text-white hover:bg-slate-700 disabled:opacity-60"
          >
            {convert.isPending ? "Checking…" : "Check"}
          </button>
          {convert.isError ? (
            <p role="alert" className="rounded border border-critical/40 bg-critical/10 px-3 py-2 text-sm text-rose-200">
              {convert.error.message}
            </p>
          ) : null}
        </div>
      </Panel>

      {checked ? (
        <Panel title="Import report" description="Every panel and variable, and what Vigil could not keep.">
          <ReportView answer={checked} />
        </Panel>
      ) : null}

      {checked && !imported ? (
        <Panel title="Import as">
          <div className="grid gap-3 md:grid-cols-[1fr_2fr_auto] md:items-end">
            <div>
              <label htmlFor={ids.uid} className="mb-1 block text-sm text-slate-300">
                Uid
              </label>
              <input
                id={ids.uid}
                value={uid}
                onChange={(event) => setUid(event.target.value)}
                aria-invalid={Boolean(storeErrors.uid) || uidTaken}
                className="w-full rounded border border-edge bg-surface px-3 py-2 font-mono text-sm text-white outline-none focus:border-info"
              />
            </div>
            <div>
              <label htmlFor={ids.title} className="mb-1 block text-sm text-slate-300">
                Title
              </label>
              <input
                id={ids.title}
                value={title}
                onChange={(event) => setTitle(event.target.value)}
                className="w-full rounded border border-edge bg-surface px-3 py-2 text-sm text-white outline-none focus:border-info"
              />
            </div>
            <button
              type="button"
              onClick={importNow}
              disabled={store.isPending}
              className="rounded bg-info/90 px-3 py-2 text-sm font-medium text-slate-950 hover:bg-info disabled:opacity-60"
            >
              {store.isPending ? "Importing…" : "Import"}
            </button>
          </div>
          {uidTaken ? <p className="mt-2 text-sm text-amber-300">A dashboard with uid &quot;{uid}&quot; exists already: choose another uid.</p> : null}
          {store.isError ? (
            <p role="alert" className="mt-3 rounded border border-critical/40 bg-critical/10 px-3 py-2 text-sm text-rose-200">
              {store.error.message}
            </p>
          ) : null}
        </Panel>
      ) : null}

      {imported ? (
        <div role="status" className="rounded-lg border border-ok/40 bg-ok/10 px-4 py-3 text-sm text-emerald-200">
          Imported &quot;{imported.title}&quot;.{" "}
          <Link href={imported.url} prefetch={false} className="font-medium text-white underline">
            Open the dashboard
          </Link>
        </div>
      ) : null}
    </div>
  );
}
