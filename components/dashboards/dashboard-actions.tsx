"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import type { StoredDashboard } from "@/lib/data/dashboards";
import { dashboardSchema, type Dashboard } from "@/lib/dashboards/schema";
import { ApiError } from "@/lib/queries/fetch-json";
import { createDashboardRequest, deleteDashboardRequest, updateDashboardRequest } from "@/lib/queries/dashboards";
import { uidFromTitle } from "@/lib/validations/dashboards";
import { SourceSelect } from "@/components/ui/source-select";
import { VariablesEditor } from "./variables-editor";
import { WideDialog } from "./wide-dialog";

export interface DashboardActionsProps {
  saved: StoredDashboard;
  draft: Dashboard;
  canEdit: boolean;
  editing: boolean;
  onEdit: () => void;
  onDiscard: () => void;
  onSaved: (stored: StoredDashboard) => void;
  onDraftChange: (dashboard: Dashboard) => void;
}

const button = "rounded border border-edge bg-surface px-3 py-1 text-sm text-slate-200 hover:text-white disabled:opacity-50";

function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 6);
}

function messageOf(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}

/** Edit, save (with the version edited: a 409 says who won), save as, settings and delete. */
export function DashboardActions({ saved, draft, canEdit, editing, onEdit, onDiscard, onSaved, onDraftChange }: DashboardActionsProps) {
  const router = useRouter();
  const [dialog, setDialog] = useState<"save-as" | "delete" | "settings" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!canEdit) return null;
  const stored = saved.source === "database" && saved.version !== null;
  const current = editing ? draft : saved.dashboard;

  const save = async () => {
    if (!stored || saved.version === null) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await updateDashboardRequest(draft, saved.version));
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      {stored && !editing ? (
        <button type="button" className={button} onClick={onEdit}>
          Edit
        </button>
      ) : null}
      {editing ? (
        <>
          <button type="button" className="rounded bg-sky-600 px-3 py-1 text-sm text-white hover:bg-sky-500 disabled:opacity-50" disabled={busy} onClick={save}>
            Save
          </button>
          <button type="button" className={button} onClick={() => setDialog("settings")}>
            Settings
          </button>
          <button type="button" className={button} onClick={onDiscard}>
            Discard
          </button>
        </>
      ) : null}
      <button type="button" className={button} onClick={() => setDialog("save-as")}>
        Save as
      </button>
      {stored && !editing ? (
        <button type="button" className={`${button} text-rose-300`} onClick={() => setDialog("delete")}>
          Delete
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="w-full max-w-xl text-sm text-rose-300">
          {error}
        </p>
      ) : null}
      {dialog === "save-as" ? <SaveAsDialog dashboard={current} onClose={() => setDialog(null)} onCreated={(uid) => router.push(`/dashboards/${uid}`)} /> : null}
      {dialog === "delete" ? (
        <WideDialog
          title={`Delete "${saved.dashboard.title}"?`}
          onClose={() => setDialog(null)}
          footer={
            <>
              <button type="button" className={button} onClick={() => setDialog(null)}>
                Keep it
              </button>
              <button
                type="button"
                className="rounded bg-rose-600 px-3 py-1 text-sm text-white hover:bg-rose-500"
                onClick={async () => {
                  try {
                    await deleteDashboardRequest(saved.dashboard.uid);
                    router.push("/dashboards");
                    router.refresh();
                  } catch (failure) {
                    setError(messageOf(failure));
                    setDialog(null);
                  }
                }}
              >
                Delete dashboard
              </button>
            </>
          }
        >
          <p className="text-sm">Everyone loses this dashboard. The audit log keeps a record that you deleted it.</p>
        </WideDialog>
      ) : null}
      {dialog === "settings" ? (
        <SettingsDialog
          dashboard={draft}
          onClose={() => setDialog(null)}
          onApply={(next) => {
            onDraftChange(next);
            setDialog(null);
          }}
        />
      ) : null}
    </div>
  );
}

function SaveAsDialog({ dashboard, onClose, onCreated }: { dashboard: Dashboard; onClose: () => void; onCreated: (uid: string) => void }) {
  const [title, setTitle] = useState(`${dashboard.title} (copy)`);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const uid = uidFromTitle(title, randomSuffix());
    const parsed = dashboardSchema.safeParse({ ...dashboard, uid, title });
    if (!parsed.success) return setError(z.prettifyError(parsed.error));
    try {
      const created = await createDashboardRequest(parsed.data);
      onCreated(created.dashboard.uid);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <WideDialog
      title="Save as a new dashboard"
      onClose={onClose}
      footer={
        <button type="button" className="rounded bg-sky-600 px-3 py-1 text-sm text-white hover:bg-sky-500" onClick={submit}>
          Save copy
        </button>
      }
    >
      <label className="flex flex-col gap-1 text-sm">
        Title of the copy
        <input value={title} onChange={(event) => setTitle(event.target.value)} className="rounded border border-edge bg-surface px-2 py-1" />
      </label>
      {error ? (
        <p role="alert" className="mt-2 whitespace-pre-wrap text-sm text-rose-300">
          {error}
        </p>
      ) : null}
    </WideDialog>
  );
}

/** Title, tags, default range and refresh, and the variables and whole model as JSON. */
function SettingsDialog({ dashboard, onClose, onApply }: { dashboard: Dashboard; onClose: () => void; onApply: (dashboard: Dashboard) => void }) {
  const [title, setTitle] = useState(dashboard.title);
  const [description, setDescription] = useState(dashboard.description ?? "");
  const [tags, setTags] = useState(dashboard.tags.join(", "));
  const [from, setFrom] = useState(dashboard.time.from);
  const [to, setTo] = useState(dashboard.time.to);
  const [variableList, setVariableList] = useState(dashboard.variables);
  const [datasource, setDatasource] = useState(dashboard.datasource);
  const [variables, setVariables] = useState(JSON.stringify(dashboard.variables, null, 2));
  const [jsonMode, setJsonMode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    let parsedVariables: unknown = variableList;
    if (jsonMode) {
      try {
        parsedVariables = JSON.parse(variables);
      } catch (failure) {
        return setError(`Variables are not valid JSON: ${messageOf(failure)}`);
      }
    }
    const parsed = dashboardSchema.safeParse({
      ...dashboard,
      title,
      description: description || undefined,
      tags: tags.split(",").map((tag) => tag.trim()).filter(Boolean),
      time: { from, to },
      datasource,
      variables: parsedVariables,
    });
    if (!parsed.success) return setError(z.prettifyError(parsed.error));
    onApply(parsed.data);
  };
  const field = "rounded border border-edge bg-surface px-2 py-1";
  return (
    <WideDialog
      title="Dashboard settings"
      onClose={onClose}
      footer={
        <button type="button" className="rounded bg-sky-600 px-3 py-1 text-sm text-white hover:bg-sky-500" onClick={apply}>
          Apply settings
        </button>
      }
    >
      <div className="grid gap-3 text-sm md:grid-cols-2">
        <label className="flex flex-col gap-1">
          Title
          <input value={title} onChange={(event) => setTitle(event.target.value)} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          Tags (comma-separated)
          <input value={tags} onChange={(event) => setTags(event.target.value)} className={field} />
        </label>
        <label className="flex flex-col gap-1 md:col-span-2">
          Description
          <input value={description} onChange={(event) => setDescription(event.target.value)} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          Default from
          <input value={from} onChange={(event) => setFrom(event.target.value)} className={`${field} font-mono`} />
        </label>
        <label className="flex flex-col gap-1">
          Default to
          <input value={to} onChange={(event) => setTo(event.target.value)} className={`${field} font-mono`} />
        </label>
        <SourceSelect
          label="Source"
          value={datasource}
          onChange={setDatasource}
          inheritLabel="The default source"
          variables={variableList.flatMap((variable) => (variable.type === "datasource" ? [variable.name] : []))}
        />
        <div className="md:col-span-2">
          <label className="mb-2 flex items-center gap-1 text-xs">
            <input
              type="checkbox"
              checked={jsonMode}
              onChange={(event) => {
                if (event.target.checked) setVariables(JSON.stringify(variableList, null, 2));
                setJsonMode(event.target.checked);
              }}
            />
            Edit variables as JSON (labels, regex, sort, custom all value…)
          </label>
          {jsonMode ? (
            <textarea aria-label="Variables JSON" value={variables} onChange={(event) => setVariables(event.target.value)} rows={12} spellCheck={false} className={`${field} w-full font-mono text-xs`} />
          ) : (
            <VariablesEditor variables={variableList} onChange={setVariableList} />
          )}
        </div>
      </div>
      {error ? (
        <p role="alert" className="mt-2 whitespace-pre-wrap text-sm text-rose-300">
          {error}
        </p>
      ) : null}
    </WideDialog>
  );
}
