import ReactMarkdown, { type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";

export interface MarkdownProps {
  children: string;
  /** Replace how elements render (runbooks draw ```promql blocks as live charts). */
  components?: Components;
  className?: string;
}

// GitHub's sanitizer schema, plus the class names code highlighting needs on code blocks.
const schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), ["className", /^language-[\w-]+$/]],
  },
};

/**
 * Markdown from users and upstreams (runbooks, text panels, alert annotations). Raw HTML is never
 * rendered, the tree is sanitized, and react-markdown drops javascript:/data: URLs; highlighting runs
 * after sanitizing so only its own class names are added.
 */
export function Markdown({ children, components, className = "" }: MarkdownProps) {
  return (
    <div className={`markdown ${className}`}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[[rehypeSanitize, schema], [rehypeHighlight, { detect: false }]]}
        components={components}
        skipHtml
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
