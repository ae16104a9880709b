"use client";

import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormMessage, TextField } from "@/components/auth/form-fields";
import { DataTable } from "@/components/ui/data-table";
import { QueryState } from "@/components/ui/query-state";
import { SelectField } from "@/components/ui/select-field";
import { formatUsd } from "@/lib/cost/format";
import { pricesQuery, useDeletePrice, useSetPrice } from "@/lib/queries/cost";
import { fieldErrorsOf } from "@/lib/queries/send-json";
import { fieldErrorsFrom, issuesOf } from "@/lib/validations/admin";
import { modelPriceSchema } from "@/lib/validations/cost";

export interface PricesEditorProps {
  canEdit: boolean;
}

const KIND_OPTIONS = [
  { value: "api", label: "API-priced (billed per token)" },
  { value: "self_hosted", label: "Self-hosted (internal price)" },
];

function numberOrUndefined(value: FormDataEntryValue | null): number | undefined {
  const text = String(value ?? "").trim();
  return text === "" ? undefined : Number(text);
}

/** The price table: per model, USD per 1K input and output tokens. */
export function PricesEditor({ canEdit }: PricesEditorProps) {
  const query = useQuery(pricesQuery());
  const save = useSetPrice();
  const remove = useDeletePrice();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formKey, setFormKey] = useState(0);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = modelPriceSchema.safeParse({
      model: form.get("model"),
      kind: form.get("kind"),
      inputUsdPer1k: numberOrUndefined(form.get("inputUsdPer1k")),
      outputUsdPer1k: numberOrUndefined(form.get("outputUsdPer1k")),
    });
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(issuesOf(parsed.error)));
      return;
    }
    setErrors({});
    save.mutate(parsed.data, { onSuccess: () => setFormKey((key) => key + 1), onError: (error) => setErrors(fieldErrorsOf(error)) });
  }

  return (
    <>
      <QueryState query={query} errorTitle="Could not load the price table" loadingLabel="Loading prices" isEmpty={(prices) => prices.length === 0} empty="No prices yet: models without a platform cost metric are priced from OpenCost GPU cost.">
        {(prices) => (
          <DataTable columns={[{ label: "Model" }, { label: "Kind" }, { label: "Input / 1K", align: "right" }, { label: "Output / 1K", align: "right" }, ...(canEdit ? [{ label: "Actions", visuallyHidden: true }] : [])]}>
            {prices.map((price) => (
              <tr key={price.id}>
                <td className="py-1.5 pr-3 break-all">{price.model}</td>
                <td className="py-1.5 pr-3 text-slate-400">{price.kind === "api" ? "API" : "Self-hosted"}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatUsd(price.inputUsdPer1k)}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatUsd(price.outputUsdPer1k)}</td>
                {canEdit ? (
                  <td className="py-1.5 text-right">
                    <button
                      type="button"
                      onClick={() => remove.mutate(price.id)}
                      disabled={remove.isPending}
                      className="rounded border border-edge px-2 py-0.5 text-xs text-slate-300 hover:border-critical hover:text-rose-200"
                    >
                      Remove price of {price.model}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        )}
      </QueryState>
      {canEdit ? (
        <form key={formKey} onSubmit={submit} noValidate aria-label="Set a model price" className="mt-4 grid gap-3 md:grid-cols-2">
          <TextField label="Model" name="model" autoComplete="off" errors={errors.model} />
          <SelectField label="Kind" name="kind" options={KIND_OPTIONS} defaultValue="self_hosted" errors={errors.kind} />
          <TextField label="Input USD per 1K tokens" name="inputUsdPer1k" autoComplete="off" errors={errors.inputUsdPer1k} />
          <TextField label="Output USD per 1K tokens" name="outputUsdPer1k" autoComplete="off" errors={errors.outputUsdPer1k} />
          <button type="submit" disabled={save.isPending} className="rounded bg-info/90 px-3 py-2 text-sm font-medium text-slate-950 hover:bg-info disabled:opacity-60 md:col-span-2 md:justify-self-end">
            {save.isPending ? "Saving…" : "Save price"}
          </button>
        </form>
      ) : null}
      <div className="mt-2">
        <FormMessage message={errors.form?.join(" ") ?? (remove.isError ? remove.error.message : undefined)} />
      </div>
    </>
  );
}
