import { useId } from "react";

export interface SelectFieldProps {
  label: string;
  name: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  defaultValue?: string;
  errors?: string[];
}

/** A labelled select whose errors are announced and tied to it, like TextField. */
export function SelectField({ label, name, options, defaultValue, errors }: SelectFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm text-slate-300">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        className={`w-full rounded border bg-surface px-3 py-2 text-sm text-white outline-none focus:border-info ${invalid ? "border-critical" : "border-edge"}`}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {invalid ? (
        <p id={errorId} className="mt-1 text-xs text-rose-300">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
