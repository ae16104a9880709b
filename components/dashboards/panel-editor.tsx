"use client";

import { useState } from "react";
import { z } from "zod";
import { REDUCER_LABELS } from "@/lib/dashboards/series";
import { UNIT_LABELS } from "@/lib/dashboards/units";
import {
  UNITS,
  panelSchema,
  reducerSchema,
  type FieldSettings,
  type Override,
  type Panel,
  type PanelType,
  type Target,
  type Thresholds,
} from "@/lib/dashboards/schema";
import { SourceSelect } from "@/components/ui/source-select";
import { WideDialog } from "./wide-dialog";

export interface PanelEditorProps {
  panel: Panel;
  isNew: boolean;
  /** The dashboard's source reference, what "inherit" means here. */
  dashboardDatasource?: string;
  /** The dashboard's datasource variables, offered as `${name}`. */
  datasourceVariables?: readonly string[];
  onCancel: () => void;
  onApply: (panel: Panel) => void;
}

const TYPES: Array<{ value: Exclude<PanelType, "unsupported">; label: string }> = [
  { value: "timeseries", label: "Time series" },
  { value: "stat", label: "Stat" },
  { value: "gauge", label: "Gauge" },
  { value: "bargauge", label: "Bar gauge" },
  { value: "table", label: "Table" },
  { value: "heatmap", label: "Heatmap" },
  { value: "text", label: "Text" },
];

/** A new time series panel, half the width, one empty query. */
export function newPanel(id: string): Panel {
  return panelSchema.parse({ id, type: "timeseries", title: "New panel", gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: "A", expr: "up" }] });
}

const field = "rounded border border-edge bg-surface px-2 py-1 text-sm";
const small = "text-xs text-slate-400";

function numberOrUndefined(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function unitOf(text: string): FieldSettings["unit"] {
  return UNITS.find((unit) => unit === text);
}

function nextRefId(targets: readonly Target[]): string {
  for (const letter of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") if (!targets.some((target) => target.refId === letter)) return letter;
  return `Q${targets.length + 1}`;
}

function FieldSettingsEditor({ settings, onChange, compact = false }: { settings: FieldSettings; onChange: (settings: FieldSettings) => void; compact?: boolean }) {
  return (
    <div className={`grid gap-2 ${compact ? "grid-cols-2 md:grid-cols-5" : "grid-cols-2 md:grid-cols-4"}`}>
      <label className={`flex flex-col gap-1 ${small}`}>
        Unit
        <select aria-label="Unit" value={settings.unit ?? ""} onChange={(event) => onChange({ ...settings, unit: unitOf(event.target.value) })} className={field}>
          <option value="">{compact ? "(inherit)" : "Short (default)"}</option>
          {UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {UNIT_LABELS[unit]}
            </option>
          ))}
        </select>
      </label>
      <label className={`flex flex-col gap-1 ${small}`}>
        Decimals
        <input aria-label="Decimals" type="number" min={0} max={10} value={settings.decimals ?? ""} onChange={(event) => onChange({ ...settings, decimals: numberOrUndefined(event.target.value) })} className={field} />
      </label>
      <label className={`flex flex-col gap-1 ${small}`}>
        Min
        <input aria-label="Min" type="number" value={settings.min ?? ""} onChange={(event) => onChange({ ...settings, min: numberOrUndefined(event.target.value) })} className={field} />
      </label>
      <label className={`flex flex-col gap-1 ${small}`}>
        Max
        <input aria-label="Max" type="number" value={settings.max ?? ""} onChange={(event) => onChange({ ...settings, max: numberOrUndefined(event.target.value) })} className={field} />
      </label>
      {compact ? (
        <label className={`flex flex-col gap-1 ${small}`}>
          Colour
          <input aria-label="Colour" placeholder="#38bdf8 or red" value={settings.color ?? ""} onChange={(event) => onChange({ ...settings, color: event.target.value || undefined })} className={field} />
        </label>
      ) : null}
    </div>
  );
}

function ThresholdsEditor({ thresholds, onChange }: { thresholds: Thresholds | undefined; onChange: (thresholds: Thresholds | undefined) => void }) {
  const steps = thresholds?.steps ?? [];
  const set = (next: Thresholds["steps"]) => onChange(next.length ? { mode: thresholds?.mode ?? "absolute", steps: next } : undefined);
  return (
    <fieldset className="space-y-1">
      <legend className="mb-1 text-sm font-medium text-white">Thresholds</legend>
      {thresholds ? (
        <label className={`flex items-center gap-2 ${small}`}>
          Mode
          <select value={thresholds.mode} onChange={(event) => onChange({ ...thresholds, mode: event.target.value === "percentage" ? "percentage" : "absolute" })} className={field}>
            <option value="absolute">Absolute</option>
            <option value="percentage">Percentage of min–max</option>
          </select>
        </label>
      ) : null}
      {steps.map((step, index) => (
        <div key={index} className="flex items-center gap-2">
          <input aria-label={`Threshold ${index + 1} colour`} value={step.color} onChange={(event) => set(steps.map((item, position) => (position === index ? { ...item, color: event.target.value } : item)))} className={`${field} w-32`} />
          {step.value === null ? (
            <span className={small}>Base</span>
          ) : (
            <input
              aria-label={`Threshold ${index + 1} value`}
              type="number"
              value={step.value}
              onChange={(event) => set(steps.map((item, position) => (position === index ? { ...item, value: numberOrUndefined(event.target.value) ?? 0 } : item)))}
              className={`${field} w-28`}
            />
          )}
          <button type="button" className="text-xs text-rose-300" onClick={() => set(steps.filter((_, position) => position !== index))}>
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="rounded bg-edge px-2 py-0.5 text-xs"
        onClick={() => set(steps.length === 0 ? [{ value: null, color: "green" }, { value: 80, color: "red" }] : [...steps, { value: (steps[steps.length - 1]?.value ?? 0) + 10, color: "orange" }])}
      >
        Add threshold
      </button>
    </fieldset>
  );
}

/** Everything a panel has: type, queries with legend formats, units, thresholds, overrides, placement and type options. */
export function PanelEditor({ panel, isNew, dashboardDatasource, datasourceVariables, onCancel, onApply }: PanelEditorProps) {
  const [draft, setDraft] = useState<Panel>(panel);
  const [error, setError] = useState<string | null>(null);

  const reparse = (candidate: unknown) => {
    const parsed = panelSchema.safeParse(candidate);
    if (parsed.success) {
      setDraft(parsed.data);
      setError(null);
    } else setError(z.prettifyError(parsed.error));
  };
  const setOptions = (patch: Record<string, unknown>) => reparse({ ...draft, options: { ...draft.options, ...patch } });
  const setTargets = (targets: Target[]) => setDraft({ ...draft, targets });
  const setDefaults = (defaults: FieldSettings) => setDraft({ ...draft, fieldConfig: { ...draft.fieldConfig, defaults } });
  const setOverrides = (overrides: Override[]) => setDraft({ ...draft, fieldConfig: { ...draft.fieldConfig, overrides } });
  const setGrid = (key: "x" | "w" | "h", value: string) => {
    const number = Math.round(Number(value));
    if (Number.isFinite(number)) setDraft({ ...draft, gridPos: { ...draft.gridPos, [key]: number } });
  };

  const apply = () => {
    const parsed = panelSchema.safeParse(draft);
    if (!parsed.success) return setError(z.prettifyError(parsed.error));
    onApply(parsed.data);
  };

  const options: Record<string, unknown> = { ...draft.options };
  const reduceSelect =
    "reduce" in draft.options ? (
      <label className={`flex flex-col gap-1 ${small}`}>
        Reduce with
        <select value={String(options.reduce)} onChange={(event) => setOptions({ reduce: reducerSchema.catch("lastNotNull").parse(event.target.value) })} className={field}>
          {reducerSchema.options.map((reducer) => (
            <option key={reducer} value={reducer}>
              {REDUCER_LABELS[reducer]}
            </option>
          ))}
        </select>
      </label>
    ) : null;
  const choice = (label: string, key: string, values: Array<[string, string]>) => (
    <label className={`flex flex-col gap-1 ${small}`}>
      {label}
      <select value={String(options[key])} onChange={(event) => setOptions({ [key]: event.target.value })} className={field}>
        {values.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <WideDialog
      title={isNew ? "Add panel" : `Edit panel: ${panel.title || panel.id}`}
      onClose={onCancel}
      footer={
        <>
          <button type="button" onClick={onCancel} className="rounded border border-edge px-3 py-1 text-sm">
            Cancel
          </button>
          <button type="button" onClick={apply} className="rounded bg-sky-600 px-3 py-1 text-sm text-white hover:bg-sky-500">
            Apply
          </button>
        </>
      }
    >
      <div className="space-y-5 text-sm">
        <div className="grid gap-2 md:grid-cols-3">
          <label className={`flex flex-col gap-1 ${small}`}>
            Title
            <input value={draft.title} onChange={(event) => setDraft({ ...draft, title: event.target.value })} className={field} />
          </label>
          <label className={`flex flex-col gap-1 ${small}`}>
            Type
            <select
              value={draft.type}
              onChange={(event) => reparse({ id: draft.id, title: draft.title, description: draft.description, gridPos: draft.gridPos, datasource: draft.datasource, targets: draft.targets, fieldConfig: draft.fieldConfig, type: event.target.value })}
              className={field}
            >
              {TYPES.map((type) => (
                <option key={type.value} value={type.value}>
                  {type.label}
                </option>
              ))}
              {draft.type === "unsupported" ? <option value="unsupported">Unsupported ({draft.options.originalType})</option> : null}
            </select>
          </label>
          <div className="grid grid-cols-3 gap-2">
            <label className={`flex flex-col gap-1 ${small}`}>
              Width (of 24)
              <input type="number" min={1} max={24} value={draft.gridPos.w} onChange={(event) => setGrid("w", event.target.value)} className={field} />
            </label>
            <label className={`flex flex-col gap-1 ${small}`}>
              Height
              <input type="number" min={1} max={100} value={draft.gridPos.h} onChange={(event) => setGrid("h", event.target.value)} className={field} />
            </label>
            <label className={`flex flex-col gap-1 ${small}`}>
              Column
              <input type="number" min={0} max={23} value={draft.gridPos.x} onChange={(event) => setGrid("x", event.target.value)} className={field} />
            </label>
          </div>
          <label className={`flex flex-col gap-1 md:col-span-3 ${small}`}>
            Description (shown as the panel&apos;s tooltip)
            <input value={draft.description ?? ""} onChange={(event) => setDraft({ ...draft, description: event.target.value || undefined })} className={field} />
          </label>
        </div>

        {draft.type === "text" ? (
          <label className={`flex flex-col gap-1 ${small}`}>
            Markdown
            <textarea value={draft.options.content} rows={10} onChange={(event) => setOptions({ content: event.target.value })} className={`${field} font-mono`} />
          </label>
        ) : (
          <>
            <fieldset className="space-y-2">
              <legend className="mb-1 font-medium text-white">Queries</legend>
              <SourceSelect
                label="Source"
                value={draft.datasource}
                onChange={(datasource) => setDraft({ ...draft, datasource })}
                inheritLabel={`The dashboard's (${dashboardDatasource ?? "default"})`}
                variables={datasourceVariables}
                className="max-w-md"
              />
              {draft.targets.map((target, index) => {
                const update = (change: Partial<Target>) => setTargets(draft.targets.map((item, position) => (position === index ? { ...item, ...change } : item)));
                return (
                  <div key={index} className="space-y-1 rounded border border-edge p-2">
                    <div className="flex items-center gap-2">
                      <span className="font-mono text-xs text-slate-400">{target.refId}</span>
                      <label className="ml-auto flex items-center gap-1 text-xs">
                        <input type="checkbox" checked={target.instant} onChange={(event) => update({ instant: event.target.checked })} /> Instant
                      </label>
                      <label className="flex items-center gap-1 text-xs">
                        <input type="checkbox" checked={target.hide} onChange={(event) => update({ hide: event.target.checked })} /> Hide
                      </label>
                      <button type="button" className="text-xs text-rose-300" onClick={() => setTargets(draft.targets.filter((_, position) => position !== index))}>
                        Remove query
                      </button>
                    </div>
                    <textarea aria-label={`Query ${target.refId}`} value={target.expr} rows={2} spellCheck={false} onChange={(event) => update({ expr: event.target.value })} className={`${field} w-full font-mono text-xs`} />
                    <div className="grid grid-cols-2 gap-2">
                      <label className={`flex flex-col gap-1 ${small}`}>
                        Legend format
                        <input aria-label={`Legend format ${target.refId}`} placeholder="{{label}}" value={target.legendFormat ?? ""} onChange={(event) => update({ legendFormat: event.target.value || undefined })} className={`${field} font-mono`} />
                      </label>
                      <label className={`flex flex-col gap-1 ${small}`}>
                        Min interval
                        <input placeholder="e.g. 1m" value={target.minInterval ?? ""} onChange={(event) => update({ minInterval: event.target.value || undefined })} className={`${field} font-mono`} />
                      </label>
                    </div>
                  </div>
                );
              })}
              <button type="button" className="rounded bg-edge px-2 py-0.5 text-xs" onClick={() => setTargets([...draft.targets, { refId: nextRefId(draft.targets), expr: "", instant: false, hide: false }])}>
                Add query
              </button>
            </fieldset>

            <fieldset>
              <legend className="mb-1 font-medium text-white">Standard options</legend>
              <FieldSettingsEditor settings={draft.fieldConfig.defaults} onChange={setDefaults} />
            </fieldset>

            <ThresholdsEditor thresholds={draft.fieldConfig.defaults.thresholds} onChange={(thresholds) => setDefaults({ ...draft.fieldConfig.defaults, thresholds })} />

            <fieldset className="space-y-2">
              <legend className="mb-1 font-medium text-white">Overrides by series</legend>
              {draft.fieldConfig.overrides.map((override, index) => {
                const update = (change: Partial<Override>) => setOverrides(draft.fieldConfig.overrides.map((item, position) => (position === index ? { ...item, ...change } : item)));
                return (
                  <div key={index} className="space-y-1 rounded border border-edge p-2">
                    <div className="flex flex-wrap items-center gap-2">
                      <select
                        aria-label={`Override ${index + 1} matcher`}
                        value={override.matcher.type}
                        onChange={(event) => update({ matcher: { ...override.matcher, type: event.target.value === "byRegexp" ? "byRegexp" : "byName" } })}
                        className={field}
                      >
                        <option value="byName">Series named</option>
                        <option value="byRegexp">Series matching regex</option>
                      </select>
                      <input aria-label={`Override ${index + 1} series`} value={override.matcher.value} onChange={(event) => update({ matcher: { ...override.matcher, value: event.target.value } })} className={`${field} flex-1 font-mono`} />
                      <label className="flex items-center gap-1 text-xs">
                        <input type="checkbox" checked={override.properties.hidden ?? false} onChange={(event) => update({ properties: { ...override.properties, hidden: event.target.checked || undefined } })} /> Hide
                      </label>
                      <button type="button" className="text-xs text-rose-300" onClick={() => setOverrides(draft.fieldConfig.overrides.filter((_, position) => position !== index))}>
                        Remove override
                      </button>
                    </div>
                    <FieldSettingsEditor compact settings={override.properties} onChange={(properties) => update({ properties })} />
                  </div>
                );
              })}
              <button type="button" className="rounded bg-edge px-2 py-0.5 text-xs" onClick={() => setOverrides([...draft.fieldConfig.overrides, { matcher: { type: "byName", value: "series name" }, properties: {} }])}>
                Add override
              </button>
            </fieldset>

            <fieldset className="grid gap-2 md:grid-cols-4">
              <legend className="mb-1 font-medium text-white">Display</legend>
              {draft.type === "timeseries" ? (
                <>
                  {choice("Style", "drawStyle", [["line", "Lines"], ["bars", "Bars"], ["points", "Points"]])}
                  {choice("Stacking", "stacking", [["none", "None"], ["normal", "Stacked"], ["percent", "Stacked to 100%"]])}
                  <label className={`flex flex-col gap-1 ${small}`}>
                    Fill opacity (0-100)
                    <input type="number" min={0} max={100} value={draft.options.fillOpacity} onChange={(event) => setOptions({ fillOpacity: Number(event.target.value) })} className={field} />
                  </label>
                  <label className={`flex flex-col gap-1 ${small}`}>
                    Line width
                    <input type="number" min={0} max={10} value={draft.options.lineWidth} onChange={(event) => setOptions({ lineWidth: Number(event.target.value) })} className={field} />
                  </label>
                  <label className="flex items-center gap-1 text-xs">
                    <input type="checkbox" checked={draft.options.legend.show} onChange={(event) => setOptions({ legend: { ...draft.options.legend, show: event.target.checked } })} /> Show legend
                  </label>
                  <label className={`flex flex-col gap-1 ${small}`}>
                    Legend placement
                    <select value={draft.options.legend.placement} onChange={(event) => setOptions({ legend: { ...draft.options.legend, placement: event.target.value } })} className={field}>
                      <option value="bottom">Bottom</option>
                      <option value="right">Right</option>
                    </select>
                  </label>
                  <fieldset className="md:col-span-2">
                    <legend className={small}>Legend values</legend>
                    <div className="flex flex-wrap gap-2">
                      {reducerSchema.options.map((reducer) => (
                        <label key={reducer} className="flex items-center gap-1 text-xs">
                          <input
                            type="checkbox"
                            checked={draft.options.legend.calcs.includes(reducer)}
                            onChange={(event) => {
                              const calcs = event.target.checked ? [...draft.options.legend.calcs, reducer] : draft.options.legend.calcs.filter((item) => item !== reducer);
                              setOptions({ legend: { ...draft.options.legend, calcs } });
                            }}
                          />
                          {REDUCER_LABELS[reducer]}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                </>
              ) : null}
              {draft.type === "stat" ? (
                <>
                  {reduceSelect}
                  {choice("Colour", "colorMode", [["value", "Value"], ["background", "Background"], ["none", "None"]])}
                  {choice("Graph", "graphMode", [["area", "Sparkline"], ["none", "None"]])}
                </>
              ) : null}
              {draft.type === "gauge" ? (
                <>
                  {reduceSelect}
                  <label className="flex items-center gap-1 text-xs">
                    <input type="checkbox" checked={draft.options.showThresholdMarkers} onChange={(event) => setOptions({ showThresholdMarkers: event.target.checked })} /> Threshold markers
                  </label>
                </>
              ) : null}
              {draft.type === "bargauge" ? (
                <>
                  {reduceSelect}
                  {choice("Orientation", "orientation", [["horizontal", "Horizontal"], ["vertical", "Vertical"]])}
                  {choice("Display", "displayMode", [["gradient", "Gradient"], ["basic", "Basic"], ["lcd", "LCD"]])}
                </>
              ) : null}
              {draft.type === "table" ? reduceSelect : null}
              {draft.type === "heatmap" ? choice("Colours", "colorScheme", [["oranges", "Oranges"], ["blues", "Blues"], ["greens", "Greens"], ["spectral", "Spectral"], ["viridis", "Viridis"]]) : null}
            </fieldset>
          </>
        )}
        {error ? (
          <p role="alert" className="whitespace-pre-wrap text-sm text-rose-300">
            {error}
          </p>
        ) : null}
      </div>
    </WideDialog>
  );
}
