import { useId, type ReactNode } from "react";

export interface TextFieldProps {
  label: string;
  name: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  defaultValue?: string;
  errors?: string[];
}

/** A labelled input whose errors are announced and tied to it with aria-describedby. */
export function TextField({ label, name, type = "text", autoComplete, defaultValue, errors }: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm text-slate-300">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        className={`w-full rounded border bg-surface px-3 py-2 text-sm text-white outline-none focus:border-info ${invalid ? "border-critical" : "border-edge"}`}
      />
      {invalid ? (
        <p id={errorId} className="mt-1 text-xs text-rose-300">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function FormMessage({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded border border-critical/40 bg-critical/10 px-3 py-2 text-sm text-rose-200">
      {message}
    </p>
  );
}

export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="w-full rounded bg-info/90 px-3 py-2 text-sm font-medium text-slate-950 hover:bg-info disabled:opacity-60"
    >
      {pending ? "Please wait…" : children}
    </button>
  );
}
