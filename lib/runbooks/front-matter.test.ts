import { describe, expect, it } from "vitest";
import { formatRunbookFile, parseRunbookFile, slugFromFileName } from "./front-matter";

const content = {
  title: "Inferno queue backlog",
  body: "# Inferno queue backlog\n\n## Meaning\nText with --- inside.\n\n```promql\ninferno_queue_pending_requests\n```\n",
  tags: ["inferno", "capacity"],
  team: "ml-platform",
  alertNames: ["InfernoQueueBacklog"],
  labelMatchers: ['{alertname="HighErrorRate", service="llm-agents"}'],
};

describe("runbook files", () => {
  it("round-trips content exactly, and the text too", () => {
    const text = formatRunbookFile(content);
    const parsed = parseRunbookFile("inferno-queue-backlog.md", text);
    expect(parsed).toEqual({ slug: "inferno-queue-backlog", content });
    expect(formatRunbookFile(parsed.content)).toBe(text);
  });

  it("writes only the fields that are set", () => {
    const text = formatRunbookFile({ ...content, tags: [], team: null, alertNames: [], labelMatchers: [] });
    expect(text).toBe(`---\ntitle: Inferno queue backlog\n---\n${content.body}`);
  });

  it("keeps bodies that start with whitespace, lack a final newline or are empty", () => {
    for (const body of ["", "\n\nstarts low", "no newline at the end", "---\nlooks like front matter\n---\n"]) {
      const text = formatRunbookFile({ ...content, body });
      expect(parseRunbookFile("x.md", text).content.body).toBe(body);
    }
  });

  it("quotes titles YAML would misread", () => {
    for (const title of ["yes", "123", "a: b", "# not a comment", "[list]", "'quoted'"]) {
      const text = formatRunbookFile({ ...content, title });
      expect(parseRunbookFile("x.md", text).content.title).toBe(title);
    }
  });

  it("names the file and the field in errors", () => {
    expect(() => parseRunbookFile("Bad Name.md", "---\ntitle: x\n---\n")).toThrow(/Bad Name\.md: the file name/);
    expect(() => parseRunbookFile("a.md", "no front matter")).toThrow(/a\.md: the file must start with YAML front matter/);
    expect(() => parseRunbookFile("a.md", "---\ntitle: [unclosed\n---\n")).toThrow(/a\.md: the front matter is not valid YAML/);
    expect(() => parseRunbookFile("a.md", "---\ntitle: x\nowner: me\n---\n")).toThrow(/a\.md: front matter: .*owner/);
    expect(() => parseRunbookFile("a.md", "---\ntitle: x\nalerts: [\"not a name\"]\n---\n")).toThrow(/a\.md: alerts: /);
    expect(() => parseRunbookFile("a.md", "---\ntitle: x\nmatchers: ['{a=~\"\"}']\n---\n")).toThrow(/a\.md: matchers: /);
  });

  it("reads slugs from file names", () => {
    expect(slugFromFileName("dir/gpu-xid-error.md")).toBe("gpu-xid-error");
    expect(slugFromFileName("GPU.md")).toBeUndefined();
    expect(slugFromFileName("new.md")).toBeUndefined();
    expect(slugFromFileName("notes.txt")).toBeUndefined();
  });
});
