"use client";

import { useId, type ReactNode } from "react";

const INPUT = "w-full rounded border bg-surface px-2 py-1.5 text-sm text-white outline-none focus:border-info";

export interface FormFieldProps {
  label: string;
  hint?: string;
  errors?: string[];
  /** Renders the control with the id, the invalid state and the class the label and errors go with. */
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string; className: string }) => ReactNode;
}

/** A labelled form control with its field errors below it, linked for screen readers. */
export function FormField({ label, hint, errors, children }: FormFieldProps) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs text-slate-400">
        {label}
        {hint ? <span className="ml-1 text-slate-500">({hint})</span> : null}
      </label>
      {children({ id, "aria-invalid": invalid, "aria-describedby": invalid ? `${id}-error` : undefined, className: `${INPUT} ${invalid ? "border-critical" : "border-edge"}` })}
      {invalid ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-rose-300">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
