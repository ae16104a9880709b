"use client";

import type { ComponentPropsWithoutRef } from "react";
import { Markdown, SafeAnchor } from "@/components/ui/markdown";
import { hastText, isCodeBlockIn } from "@/lib/runbooks/hast-text";
import { dashboardLinkWithVariables } from "@/lib/runbooks/live";
import { PromqlBlock } from "./promql-block";

export interface RunbookMarkdownProps {
  body: string;
  /** The labels of the alert the runbook was opened from: PromQL $variables and dashboard var-<label> links. */
  variables?: Readonly<Record<string, string>>;
  /** False renders ```promql blocks as code (no live queries), e.g. in a diff. */
  live?: boolean;
}

const NO_VARIABLES: Readonly<Record<string, string>> = {};

/** A runbook's body: sanitized markdown whose ```promql blocks are live charts. */
export function RunbookMarkdown({ body, variables = NO_VARIABLES, live = true }: RunbookMarkdownProps) {
  return (
    <Markdown
      className="runbook-body"
      components={{
        pre: ({ node, children, ...rest }: ComponentPropsWithoutRef<"pre"> & { node?: unknown }) =>
          live && isCodeBlockIn(node, "promql") ? <PromqlBlock source={hastText(node)} variables={variables} /> : <pre {...rest}>{children}</pre>,
        a: ({ href, ...rest }: ComponentPropsWithoutRef<"a"> & { node?: unknown }) => (
          <SafeAnchor {...rest} href={href ? dashboardLinkWithVariables(href, variables) : href} />
        ),
      }}
    >
      {body}
    </Markdown>
  );
}
