/** The sections every runbook answers, in the order an on-call engineer needs them. */
export const RUNBOOK_SECTIONS = ["Meaning", "Impact", "Diagnosis", "Mitigation", "Escalation"] as const;

/** The body a new runbook starts from. */
export function runbookTemplate(title = "Alert name"): string {
  return `# ${title}

## Meaning
What the alert measures and when it fires (the rule's expression and threshold).

\`\`\`promql
up == 0
\`\`\`

## Impact
Who notices, and what breaks if nobody acts.

## Diagnosis
1. The first thing to check, with the query that shows it.
2. The next thing to check.

## Mitigation
- What to do for each cause found above, with the exact commands.

## Escalation
Who to call, when, and what to tell them.
`;
}
