"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { FormField } from "@/components/ui/form-field";
import { PanelError } from "@/components/ui/panel";
import { ApiError } from "@/lib/queries/fetch-json";
import { createRunbookRequest, runbookKeys, updateRunbookRequest } from "@/lib/queries/runbooks";
import { fieldErrorsOf } from "@/lib/queries/send-json";
import { slugFromTitle, splitList } from "@/lib/runbooks/editor-fields";
import type { RunbookContent, RunbookView } from "@/lib/validations/runbooks";
import { RunbookDiff } from "./runbook-diff";
import { RunbookMarkdown } from "./runbook-markdown";

export interface RunbookEditorProps {
  /** The runbook being edited; absent for a new one. */
  runbook?: RunbookView;
  /** What a new runbook starts with (the template, an alert name). */
  initial: RunbookContent;
  /** Alert labels for the preview's live queries. */
  variables: Record<string, string>;
}

function contentFrom(runbook: RunbookView): RunbookContent {
  return { title: runbook.title, body: runbook.body, tags: runbook.tags, team: runbook.team, alertNames: runbook.alertNames, labelMatchers: runbook.labelMatchers };
}

/** Editing a runbook with a live preview. A save names the version it started from; a newer one stored meanwhile is shown beside this one, never overwritten. */
export function RunbookEditor({ runbook, initial, variables }: RunbookEditorProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(initial.title);
  const [slug, setSlug] = useState(runbook?.slug ?? slugFromTitle(initial.title));
  const [slugTouched, setSlugTouched] = useState(false);
  const [team, setTeam] = useState(initial.team ?? "");
  const [tags, setTags] = useState(initial.tags.join(", "));
  const [alertNames, setAlertNames] = useState(initial.alertNames.join(", "));
  const [matchers, setMatchers] = useState(initial.labelMatchers.join("\n"));
  const [body, setBody] = useState(initial.body);
  const [baseVersion, setBaseVersion] = useState(runbook?.version ?? 0);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<string>();
  const [conflict, setConflict] = useState<{ message: string; current: RunbookView }>();
  const [tab, setTab] = useState<"write" | "preview">("write");
  // The preview follows typing after a pause, so live queries are not re-run on every keystroke.
  const [previewBody, setPreviewBody] = useState(initial.body);
  useEffect(() => {
    const timer = setTimeout(() => setPreviewBody(body), 300);
    return () => clearTimeout(timer);
  }, [body]);

  const content: RunbookContent = {
    title,
    body,
    team: team.trim() || null,
    tags: splitList(tags),
    alertNames: splitList(alertNames),
    labelMatchers: matchers
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
  };

  async function save(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    setSaving(true);
    setErrors({});
    setFailure(undefined);
    try {
      if (!runbook) {
        const created = await createRunbookRequest({ ...content, slug });
        await queryClient.invalidateQueries({ queryKey: runbookKeys.all });
        router.push(`/runbooks/${created.slug}`);
        return;
      }
      const outcome = await updateRunbookRequest(runbook.slug, { ...content, version: baseVersion });
      if (outcome.kind === "conflict") {
        setConflict({ message: outcome.message, current: outcome.current });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: runbookKeys.all });
      router.push(`/runbooks/${runbook.slug}`);
      router.refresh();
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFailure(error instanceof ApiError || error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  function takeTheirs(current: RunbookView) {
    const theirs = contentFrom(current);
    setTitle(theirs.title);
    setTeam(theirs.team ?? "");
    setTags(theirs.tags.join(", "));
    setAlertNames(theirs.alertNames.join(", "));
    setMatchers(theirs.labelMatchers.join("\n"));
    setBody(theirs.body);
    setBaseVersion(current.version);
    setConflict(undefined);
  }

  function keepMine(current: RunbookView) {
    // The next save goes over the version now stored, knowingly.
    setBaseVersion(current.version);
    setConflict(undefined);
  }

  const preview = (
    <div className="min-h-[24rem] rounded border border-edge bg-panel p-4">
      <RunbookMarkdown body={previewBody} variables={variables} />
    </div>
  );

  return (
    <form onSubmit={save} aria-label={runbook ? `Edit ${runbook.title}` : "New runbook"} className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-lg font-semibold text-white">{runbook ? `Edit: ${runbook.title}` : "New runbook"}</h1>
        <div className="flex gap-2">
          <button
            type="button"
            onClick={() => router.push(runbook ? `/runbooks/${runbook.slug}` : "/runbooks")}
            className="rounded border border-edge px-3 py-1.5 text-sm text-slate-300 hover:text-white"
          >
            Cancel
          </button>
          <button type="submit" disabled={saving || conflict !== undefined} className="rounded bg-info/90 px-3 py-1.5 text-sm font-medium text-slate-950 hover:bg-info disabled:opacity-60">
            {saving ? "Saving…" : runbook ? "Save" : "Create runbook"}
          </button>
        </div>
      </div>

      {failure && Object.keys(errors).length === 0 ? <PanelError title="Could not save the runbook" message={failure} /> : null}
      {failure && Object.keys(errors).length > 0 ? <PanelError title="Some fields need fixing" message={failure} /> : null}

      {conflict ? (
        <section role="alert" aria-label="Edit conflict" className="space-y-3 rounded-lg border border-warning/50 bg-warning/10 p-4">
          <h2 className="font-semibold text-amber-100">Someone else saved this runbook while you were editing</h2>
          <p className="text-sm text-amber-50/90">{conflict.message}</p>
          <RunbookDiff before={contentFrom(conflict.current)} after={content} beforeLabel={`Their version ${conflict.current.version}`} afterLabel="Your edit" />
          <div className="grid gap-3 lg:grid-cols-2">
            <div>
              <h3 className="mb-1 text-xs font-semibold uppercase text-slate-400">Their version {conflict.current.version}{conflict.current.updatedBy ? ` (${conflict.current.updatedBy})` : ""}</h3>
              <div className="max-h-96 overflow-auto rounded border border-edge bg-panel p-3">
                <RunbookMarkdown body={conflict.current.body} live={false} />
              </div>
            </div>
            <div>
              <h3 className="mb-1 text-xs font-semibold uppercase text-slate-400">Your edit</h3>
              <div className="max-h-96 overflow-auto rounded border border-edge bg-panel p-3">
                <RunbookMarkdown body={body} live={false} />
              </div>
            </div>
          </div>
          <div className="flex flex-wrap gap-2">
            <button type="button" onClick={() => keepMine(conflict.current)} className="rounded bg-warning/90 px-3 py-1.5 text-sm font-medium text-slate-950">
              Keep my edit (save over version {conflict.current.version})
            </button>
            <button type="button" onClick={() => takeTheirs(conflict.current)} className="rounded border border-edge px-3 py-1.5 text-sm text-slate-200">
              Discard my edit and load theirs
            </button>
          </div>
        </section>
      ) : null}

      <div className="grid gap-3 md:grid-cols-2 lg:grid-cols-4">
        <FormField label="Title" errors={errors.title}>
          {(props) => (
            <input
              {...props}
              value={title}
              required
              onChange={(event) => {
                setTitle(event.target.value);
                if (!runbook && !slugTouched) setSlug(slugFromTitle(event.target.value));
              }}
            />
          )}
        </FormField>
        {runbook ? null : (
          <FormField label="Slug" hint="the URL: /runbooks/<slug>" errors={errors.slug}>
            {(props) => (
              <input
                {...props}
                value={slug}
                required
                onChange={(event) => {
                  setSlug(event.target.value);
                  setSlugTouched(true);
                }}
              />
            )}
          </FormField>
        )}
        <FormField label="Team" errors={errors.team}>
          {(props) => <input {...props} value={team} onChange={(event) => setTeam(event.target.value)} placeholder="ml-platform" />}
        </FormField>
        <FormField label="Tags" hint="comma-separated" errors={errors.tags ?? Object.entries(errors).flatMap(([key, value]) => (key.startsWith("tags.") ? value : []))}>
          {(props) => <input {...props} value={tags} onChange={(event) => setTags(event.target.value)} placeholder="inferno, capacity" />}
        </FormField>
        <FormField label="Alert names" hint="comma-separated" errors={errors.alertNames ?? Object.entries(errors).flatMap(([key, value]) => (key.startsWith("alertNames.") ? value : []))}>
          {(props) => <input {...props} value={alertNames} onChange={(event) => setAlertNames(event.target.value)} placeholder="InfernoQueueBacklog" />}
        </FormField>
        <div className="md:col-span-2 lg:col-span-4">
          <FormField
            label="Label matchers"
            hint={'one set per line, e.g. {team="ml-platform", job=~"inferno.*"}'}
            errors={errors.labelMatchers ?? Object.entries(errors).flatMap(([key, value]) => (key.startsWith("labelMatchers.") ? value : []))}
          >
            {(props) => <textarea {...props} rows={2} value={matchers} onChange={(event) => setMatchers(event.target.value)} className={`${props.className} font-mono`} />}
          </FormField>
        </div>
      </div>

      <div className="flex gap-1 lg:hidden" role="tablist" aria-label="Editor view">
        {(["write", "preview"] as const).map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} onClick={() => setTab(name)} className={`rounded px-3 py-1 text-sm ${tab === name ? "bg-edge text-white" : "text-slate-400"}`}>
            {name === "write" ? "Write" : "Preview"}
          </button>
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className={tab === "write" ? "" : "hidden lg:block"}>
          <FormField label="Body" hint="markdown; ```promql blocks become live charts" errors={errors.body}>
            {(props) => <textarea {...props} rows={28} value={body} onChange={(event) => setBody(event.target.value)} spellCheck={false} className={`${props.className} font-mono text-xs leading-5`} />}
          </FormField>
        </div>
        <section aria-label="Preview" className={tab === "preview" ? "" : "hidden lg:block"}>
          <p className="mb-1 text-xs text-slate-400">Preview</p>
          {preview}
        </section>
      </div>
    </form>
  );
}
