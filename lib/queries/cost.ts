import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { CostOverview } from "@/lib/cost/fetch-cost";
import type { Budget } from "@/lib/data/budgets";
import type { ModelPrice } from "@/lib/data/prices";
import type { BudgetInput, ModelPriceInput } from "@/lib/validations/cost";
import { fetchJson } from "./fetch-json";
import { sendJson } from "./send-json";

export const costKeys = {
  all: ["cost"] as const,
  overview: () => [...costKeys.all, "overview"] as const,
  budgets: () => [...costKeys.all, "budgets"] as const,
  prices: () => [...costKeys.all, "prices"] as const,
};

export function costOverviewQuery(refetchInterval: number | false) {
  return queryOptions({
    queryKey: costKeys.overview(),
    queryFn: ({ signal }) => fetchJson<CostOverview>("/api/cost", signal),
    refetchInterval,
  });
}

export function budgetsQuery() {
  return queryOptions({
    queryKey: costKeys.budgets(),
    queryFn: async ({ signal }) => (await fetchJson<{ budgets: Budget[] }>("/api/cost/budgets", signal)).budgets,
  });
}

export function pricesQuery() {
  return queryOptions({
    queryKey: costKeys.prices(),
    queryFn: async ({ signal }) => (await fetchJson<{ prices: ModelPrice[] }>("/api/cost/prices", signal)).prices,
  });
}

const anything = z.object({}).loose();

function useCostMutation<T>(send: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: costKeys.all }),
  });
}

export function useSetBudget() {
  return useCostMutation((input: BudgetInput) => sendJson("/api/cost/budgets", "POST", input, anything));
}

export function useDeleteBudget() {
  return useCostMutation((id: string) => sendJson(`/api/cost/budgets/${encodeURIComponent(id)}`, "DELETE", undefined, anything));
}

export function useSetPrice() {
  return useCostMutation((input: ModelPriceInput) => sendJson("/api/cost/prices", "POST", input, anything));
}

export function useDeletePrice() {
  return useCostMutation((id: string) => sendJson(`/api/cost/prices/${encodeURIComponent(id)}`, "DELETE", undefined, anything));
}
