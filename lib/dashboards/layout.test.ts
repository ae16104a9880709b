import { describe, expect, it } from "vitest";
import { addPanel, addRow, duplicatePanel, layoutSections, movePanel, nextPanelId, placeInSection, removePanel, removeRow, updateRow } from "./layout";
import { dashboardSchema, type Panel } from "./schema";

const panel = (id: string, x: number, y: number, w = 12): Panel => ({ id, type: "text", title: id, gridPos: { x, y, w, h: 4 }, targets: [], fieldConfig: { defaults: {}, overrides: [] }, options: { content: "" } });
const dashboard = dashboardSchema.parse({
  uid: "d",
  title: "D",
  panels: [panel("a", 0, 0), panel("b", 12, 0), { type: "row", id: "r1", title: "Row", panels: [panel("c", 0, 10), panel("d", 0, 14)] }],
});

describe("layout", () => {
  it("splits into sections and places rows' panels from their top", () => {
    const sections = layoutSections(dashboard.panels);
    expect(sections.map((section) => section.kind)).toEqual(["panels", "row"]);
    const row = sections[1];
    if (row?.kind !== "row") throw new Error("row");
    expect(placeInSection(row.row.panels).map((item) => item.gridPos.y)).toEqual([0, 4]);
  });

  it("adds, duplicates, moves and removes panels", () => {
    const added = addPanel(dashboard, panel("e", 0, 0));
    expect(added.panels.map((item) => item.id)).toEqual(["a", "b", "e", "r1"]);
    expect(added.panels[2]?.type !== "row" && added.panels[2]?.gridPos.y).toBe(4);
    expect(nextPanelId(added)).toBe("p7");
    const duplicated = duplicatePanel(dashboard, "c");
    const row = duplicated.panels[2];
    expect(row?.type === "row" && row.panels.map((item) => [item.title, item.gridPos.y])).toEqual([["c", 10], ["d", 14], ["c (copy)", 18]]);
    const moved = movePanel(dashboard, "a", 1);
    expect(moved.panels.slice(0, 2).map((item) => (item.type === "row" ? null : [item.id, item.gridPos.x]))).toEqual([["a", 12], ["b", 0]]);
    expect(removePanel(dashboard, "c").panels[2]).toMatchObject({ panels: [{ id: "d" }] });
  });

  it("adds, collapses and removes rows, keeping their panels", () => {
    const withRow = addRow(dashboard, "New");
    expect(withRow.panels[3]).toMatchObject({ type: "row", title: "New", panels: [] });
    expect(updateRow(dashboard, "r1", { collapsed: true }).panels[2]).toMatchObject({ collapsed: true });
    expect(removeRow(dashboard, "r1").panels.map((item) => item.id)).toEqual(["a", "b", "c", "d"]);
    expect(dashboardSchema.safeParse(removeRow(dashboard, "r1")).success).toBe(true);
  });
});
