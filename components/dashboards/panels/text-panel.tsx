import { Markdown } from "@/components/ui/markdown";
import type { Panel } from "@/lib/dashboards/schema";

export interface TextPanelProps {
  panel: Extract<Panel, { type: "text" }>;
}

/** Markdown, sanitized (no scripts, no raw HTML handlers). */
export function TextPanel({ panel }: TextPanelProps) {
  if (!panel.options.content.trim()) return <p className="text-sm text-slate-500">This text panel is empty.</p>;
  return (
    <div className="h-full overflow-auto text-sm">
      <Markdown>{panel.options.content}</Markdown>
    </div>
  );
}
