"use client";

import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormMessage, TextField } from "@/components/auth/form-fields";
import { DataTable } from "@/components/ui/data-table";
import { QueryState } from "@/components/ui/query-state";
import { formatUsd } from "@/lib/cost/format";
import { budgetsQuery, useDeleteBudget, useSetBudget } from "@/lib/queries/cost";
import { fieldErrorsOf } from "@/lib/queries/send-json";
import { fieldErrorsFrom, issuesOf } from "@/lib/validations/admin";
import { budgetSchema } from "@/lib/validations/cost";

export interface BudgetsEditorProps {
  canEdit: boolean;
}

/** The tenant budgets, with a form to set one and a remove button per row for admins. */
export function BudgetsEditor({ canEdit }: BudgetsEditorProps) {
  const query = useQuery(budgetsQuery());
  const save = useSetBudget();
  const remove = useDeleteBudget();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formKey, setFormKey] = useState(0);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const team = String(form.get("team") ?? "").trim();
    const amount = String(form.get("monthlyUsd") ?? "").trim();
    const parsed = budgetSchema.safeParse({ tenant: form.get("tenant"), team: team === "" ? null : team, monthlyUsd: amount === "" ? undefined : Number(amount) });
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(issuesOf(parsed.error)));
      return;
    }
    setErrors({});
    save.mutate(parsed.data, { onSuccess: () => setFormKey((key) => key + 1), onError: (error) => setErrors(fieldErrorsOf(error)) });
  }

  return (
    <>
      <QueryState query={query} errorTitle="Could not load budgets" loadingLabel="Loading budgets" isEmpty={(budgets) => budgets.length === 0} empty="No budgets yet.">
        {(budgets) => (
          <DataTable columns={[{ label: "Tenant" }, { label: "Team" }, { label: "Monthly budget", align: "right" }, ...(canEdit ? [{ label: "Actions", visuallyHidden: true }] : [])]}>
            {budgets.map((budget) => (
              <tr key={budget.id}>
                <td className="py-1.5 pr-3">{budget.tenant}</td>
                <td className="py-1.5 pr-3 text-slate-400">{budget.team ?? "—"}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatUsd(budget.monthlyUsd)}</td>
                {canEdit ? (
                  <td className="py-1.5 text-right">
                    <button
                      type="button"
                      onClick={() => remove.mutate(budget.id)}
                      disabled={remove.isPending}
                      className="rounded border border-edge px-2 py-0.5 text-xs text-slate-300 hover:border-critical hover:text-rose-200"
                    >
                      Remove budget of {budget.tenant}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        )}
      </QueryState>
      {canEdit ? (
        <form key={formKey} onSubmit={submit} noValidate aria-label="Set a budget" className="mt-4 grid gap-3 md:grid-cols-[1fr_1fr_1fr_auto] md:items-end">
          <TextField label="Tenant" name="tenant" autoComplete="off" errors={errors.tenant} />
          <TextField label="Team (optional)" name="team" autoComplete="off" errors={errors.team} />
          <TextField label="Monthly budget (USD)" name="monthlyUsd" autoComplete="off" errors={errors.monthlyUsd} />
          <button type="submit" disabled={save.isPending} className="rounded bg-info/90 px-3 py-2 text-sm font-medium text-slate-950 hover:bg-info disabled:opacity-60">
            {save.isPending ? "Saving…" : "Save budget"}
          </button>
        </form>
      ) : null}
      <div className="mt-2">
        <FormMessage message={errors.form?.join(" ") ?? (remove.isError ? remove.error.message : undefined)} />
      </div>
    </>
  );
}
