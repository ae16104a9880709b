/** The PromQL expression of the rule that generated an alert, from Prometheus's `…/graph?g0.expr=…` link. */
export function exprFromGeneratorUrl(generatorURL: string | undefined): string | undefined {
  if (!generatorURL) return undefined;
  let url: URL;
  try {
    url = new URL(generatorURL);
  } catch {
    return undefined;
  }
  const expr = url.searchParams.get("g0.expr")?.trim();
  return expr ? expr : undefined;
}
