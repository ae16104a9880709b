"use client";

import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, insertNewlineAndIndent } from "@codemirror/commands";
import { bracketMatching, HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, placeholder } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { PromQLExtension } from "@prometheus-io/codemirror-promql";
import { withSource } from "@/lib/prometheus/source-url";
import { useEffect, useRef } from "react";

export interface PromqlEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Enter runs the query (Shift-Enter adds a line). */
  onRun: (value: string) => void;
  label?: string;
  /** The Prometheus-API source completion asks (the default when absent); fixed for the editor's life. */
  source?: string;
}

/** Colours in the spirit of Prometheus's own editor, on the console's dark theme. */
const promqlHighlight = HighlightStyle.define([
  { tag: tags.number, color: "#86efac" },
  { tag: tags.string, color: "#fca5a5" },
  { tag: tags.keyword, color: "#5eead4" },
  { tag: tags.function(tags.variableName), color: "#7dd3fc" },
  { tag: tags.labelName, color: "#fdba74" },
  { tag: tags.modifier, color: "#5eead4" },
  { tag: tags.operator, color: "#e2e8f0" },
  { tag: tags.invalid, color: "#f43f5e" },
  { tag: tags.comment, color: "#64748b", fontStyle: "italic" },
]);

const theme = EditorView.theme(
  {
    "&": { backgroundColor: "#0f172a", color: "#e2e8f0", fontSize: "13px", border: "1px solid #1e2b44", borderRadius: "0.375rem" },
    "&.cm-focused": { outline: "none", borderColor: "#38bdf8" },
    ".cm-content": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", padding: "8px 4px", caretColor: "#e2e8f0" },
    ".cm-tooltip": { backgroundColor: "#111c31", border: "1px solid #1e2b44", color: "#e2e8f0" },
    ".cm-tooltip-autocomplete > ul > li[aria-selected]": { backgroundColor: "#1e3a5f", color: "#fff" },
    ".cm-completionDetail": { color: "#94a3b8", fontStyle: "normal", marginLeft: "0.5em" },
    ".cm-completionInfo": { maxWidth: "28rem" },
    ".cm-diagnostic-error": { borderLeft: "3px solid #f43f5e" },
    ".cm-lintRange-error": { backgroundImage: "none", textDecoration: "underline wavy #f43f5e" },
    ".cm-placeholder": { color: "#64748b" },
    ".cm-cursor": { borderLeftColor: "#e2e8f0" },
  },
  { dark: true },
);

/**
 * The PromQL editor: codemirror-promql's highlighting, linting and completion of functions, metric names,
 * labels and label values. Completion asks our own server (/api/prometheus/...), which asks Prometheus.
 */
export function PromqlEditor({ value, onChange, onRun, label = "PromQL expression", source }: PromqlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The editor is built once; the latest callbacks are read through refs.
  const callbacks = useRef({ onChange, onRun });
  useEffect(() => {
    callbacks.current = { onChange, onRun };
  }, [onChange, onRun]);

  useEffect(() => {
    if (!host.current) return;
    const promql = new PromQLExtension().setComplete({
      remote: {
        url: "",
        apiPrefix: "/api/prometheus",
        httpMethod: "GET",
        lookbackInterval: 12 * 60 * 60 * 1000,
        cache: { maxAge: 5 * 60 * 1000 },
        // Completion asks the source the query will run against.
        fetchFn: (input, init) => fetch(typeof input === "string" ? withSource(input, source) : input, init),
      },
      maxMetricsMetadata: 10_000,
    });
    const run = (target: EditorView) => {
      callbacks.current.onRun(target.state.doc.toString());
      return true;
    };
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          closeBrackets(),
          bracketMatching(),
          autocompletion({ icons: false }),
          keymap.of([
            // Enter first accepts an open completion, and otherwise runs the query.
            ...completionKeymap,
            { key: "Enter", run },
            { key: "Mod-Enter", run },
            { key: "Shift-Enter", run: insertNewlineAndIndent },
            ...closeBracketsKeymap,
            ...historyKeymap,
            ...defaultKeymap,
          ]),
          promql.asExtension(),
          syntaxHighlighting(promqlHighlight),
          theme,
          EditorView.lineWrapping,
          placeholder('Type a query, e.g. rate(http_requests_total[5m]); Enter runs it'),
          EditorView.contentAttributes.of({ "aria-label": label, "aria-multiline": "true" }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      promql.destroy();
      view.current = null;
    };
    // Built once per mount; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A value from outside (history, the URL) replaces the text unless it is what the editor already holds.
  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    if (current !== value) editor.dispatch({ changes: { from: 0, to: current.length, insert: value } });
  }, [value]);

  return <div ref={host} data-testid="promql-editor" />;
}
