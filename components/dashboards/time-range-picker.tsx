"use client";

import { useState } from "react";
import { RELATIVE_PRESETS, describeRange, formatInstant, parseInstant, parseTimeExpression } from "@/lib/dashboards/time-range";

export interface TimeRangePickerProps {
  from: string;
  to: string;
  timeZone: "browser" | "utc";
  nowMs: number;
  onChange: (range: { from: string; to: string; timeZone: "browser" | "utc" }) => void;
}

/** Relative presets, an absolute range typed in the browser's zone or UTC, and the zone itself. */
export function TimeRangePicker({ from, to, timeZone, nowMs, onChange }: TimeRangePickerProps) {
  const [open, setOpen] = useState(false);
  const [zone, setZone] = useState(timeZone);
  const toText = (expression: string) => {
    if (expression.startsWith("now")) return expression;
    const ms = parseTimeExpression(expression, nowMs);
    return ms === undefined ? expression : formatInstant(ms, zone);
  };
  const [fromText, setFromText] = useState(toText(from));
  const [toValue, setToValue] = useState(toText(to));
  const [error, setError] = useState<string | null>(null);

  const readEnd = (text: string): string | undefined => {
    const trimmed = text.trim();
    if (trimmed.startsWith("now")) return parseTimeExpression(trimmed, nowMs) === undefined ? undefined : trimmed;
    const ms = parseInstant(trimmed, zone);
    return ms === undefined ? undefined : String(ms);
  };
  const apply = () => {
    const nextFrom = readEnd(fromText);
    const nextTo = readEnd(toValue);
    if (!nextFrom || !nextTo) return setError('Use "now-6h", "now", or a time such as 2026-11-21 07:00:00.');
    const fromMs = parseTimeExpression(nextFrom, nowMs) ?? 0;
    const toMs = parseTimeExpression(nextTo, nowMs) ?? 0;
    if (fromMs >= toMs) return setError("From must be before to.");
    setError(null);
    setOpen(false);
    onChange({ from: nextFrom, to: nextTo, timeZone: zone });
  };

  return (
    <div className="relative">
      <button
        type="button"
        aria-label="Time range"
        aria-expanded={open}
        onClick={() => {
          setFromText(toText(from));
          setToValue(toText(to));
          setZone(timeZone);
          setOpen((value) => !value);
        }}
        className="rounded border border-edge bg-surface px-3 py-1 text-sm text-slate-200 hover:text-white"
      >
        {describeRange(from, to, timeZone, nowMs)}
        {timeZone === "utc" ? " UTC" : ""}
      </button>
      {open ? (
        <div role="dialog" aria-label="Choose a time range" className="absolute right-0 top-9 z-40 flex w-[34rem] max-w-[95vw] gap-4 rounded-lg border border-edge bg-panel p-4 text-sm shadow-xl">
          <form
            className="flex flex-1 flex-col gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              apply();
            }}
          >
            <p className="font-medium text-white">Absolute or relative range</p>
            <label className="flex flex-col gap-1 text-xs text-slate-400">
              From
              <input value={fromText} onChange={(event) => setFromText(event.target.value)} className="rounded border border-edge bg-surface px-2 py-1 font-mono text-sm text-slate-100" />
            </label>
            <label className="flex flex-col gap-1 text-xs text-slate-400">
              To
              <input value={toValue} onChange={(event) => setToValue(event.target.value)} className="rounded border border-edge bg-surface px-2 py-1 font-mono text-sm text-slate-100" />
            </label>
            <fieldset className="flex gap-3 text-xs text-slate-300">
              <legend className="mb-1 text-slate-400">Time zone</legend>
              {(["browser", "utc"] as const).map((value) => (
                <label key={value} className="flex items-center gap-1">
                  <input type="radio" name="zone" checked={zone === value} onChange={() => setZone(value)} />
                  {value === "utc" ? "UTC" : "Browser time"}
                </label>
              ))}
            </fieldset>
            {error ? <p role="alert" className="text-xs text-rose-300">{error}</p> : null}
            <button type="submit" className="mt-1 self-start rounded bg-sky-600 px-3 py-1 text-white hover:bg-sky-500">
              Apply time range
            </button>
          </form>
          <ul aria-label="Relative ranges" className="w-40 space-y-0.5 border-l border-edge pl-3">
            {RELATIVE_PRESETS.map((preset) => (
              <li key={preset.from}>
                <button
                  type="button"
                  onClick={() => {
                    setOpen(false);
                    onChange({ from: preset.from, to: "now", timeZone: zone });
                  }}
                  className={`w-full rounded px-2 py-0.5 text-left hover:bg-edge ${from === preset.from && to === "now" ? "text-sky-300" : "text-slate-300"}`}
                >
                  {preset.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
