import type { Dashboard, GridPos, LayoutItem, Panel, Row } from "./schema";

/*
 * The dashboard's layout as the grid draws it, and the edits the editor makes to it. Pure:
 * every edit returns a new dashboard.
 */

export type Section = { kind: "panels"; key: string; panels: Panel[] } | { kind: "row"; key: string; row: Row; index: number };

/** Consecutive top-level panels form one grid; each row is its own section with its own grid. */
export function layoutSections(items: readonly LayoutItem[]): Section[] {
  const sections: Section[] = [];
  items.forEach((item, index) => {
    if (item.type === "row") {
      sections.push({ kind: "row", key: item.id, row: item, index });
      return;
    }
    const last = sections[sections.length - 1];
    if (last?.kind === "panels") last.panels.push(item);
    else sections.push({ kind: "panels", key: `panels-${item.id}`, panels: [item] });
  });
  return sections;
}

/** Panels in reading order (top to bottom, left to right) with their rows placed from the top of their section. */
export function placeInSection(panels: readonly Panel[]): Array<{ panel: Panel; gridPos: GridPos }> {
  const top = Math.min(...panels.map((panel) => panel.gridPos.y));
  return [...panels]
    .sort((a, b) => a.gridPos.y - b.gridPos.y || a.gridPos.x - b.gridPos.x)
    .map((panel) => ({ panel, gridPos: { ...panel.gridPos, y: panel.gridPos.y - (Number.isFinite(top) ? top : 0), x: Math.min(panel.gridPos.x, 24 - panel.gridPos.w) } }));
}

export function allPanels(dashboard: Pick<Dashboard, "panels">): Panel[] {
  return dashboard.panels.flatMap((item) => (item.type === "row" ? item.panels : [item]));
}

/** An id not used by any panel or row: p1, p2, … */
export function nextPanelId(dashboard: Pick<Dashboard, "panels">, prefix = "p"): string {
  const used = new Set(dashboard.panels.flatMap((item) => (item.type === "row" ? [item.id, ...item.panels.map((panel) => panel.id)] : [item.id])));
  let index = used.size + 1;
  while (used.has(`${prefix}${index}`)) index += 1;
  return `${prefix}${index}`;
}

/** The first free y below every panel of a list. */
export function bottomOf(panels: readonly Panel[]): number {
  return panels.reduce((max, panel) => Math.max(max, panel.gridPos.y + panel.gridPos.h), 0);
}

function mapPanels(dashboard: Dashboard, map: (panel: Panel) => Panel | null): Dashboard {
  const apply = (panels: readonly Panel[]) => panels.flatMap((panel) => {
    const next = map(panel);
    return next ? [next] : [];
  });
  const panels: LayoutItem[] = dashboard.panels.flatMap((item): LayoutItem[] => {
    if (item.type === "row") return [{ ...item, panels: apply(item.panels) }];
    const next = map(item);
    return next ? [next] : [];
  });
  return { ...dashboard, panels };
}

export function replacePanel(dashboard: Dashboard, panel: Panel): Dashboard {
  return mapPanels(dashboard, (current) => (current.id === panel.id ? panel : current));
}

export function removePanel(dashboard: Dashboard, id: string): Dashboard {
  return mapPanels(dashboard, (current) => (current.id === id ? null : current));
}

/** Adds a panel at the bottom of the top-level panels (or of a row). */
export function addPanel(dashboard: Dashboard, panel: Panel, rowId?: string): Dashboard {
  if (rowId) {
    return {
      ...dashboard,
      panels: dashboard.panels.map((item) => (item.type === "row" && item.id === rowId ? { ...item, panels: [...item.panels, { ...panel, gridPos: { ...panel.gridPos, y: bottomOf(item.panels) } }] } : item)),
    };
  }
  const topLevel = dashboard.panels.filter((item): item is Panel => item.type !== "row");
  const placed = { ...panel, gridPos: { ...panel.gridPos, y: bottomOf(topLevel) } };
  const firstRow = dashboard.panels.findIndex((item) => item.type === "row");
  const panels = [...dashboard.panels];
  panels.splice(firstRow < 0 ? panels.length : firstRow, 0, placed);
  return { ...dashboard, panels };
}

export function duplicatePanel(dashboard: Dashboard, id: string): Dashboard {
  const original = allPanels(dashboard).find((panel) => panel.id === id);
  if (!original) return dashboard;
  const copy: Panel = { ...original, id: nextPanelId(dashboard), title: `${original.title} (copy)`.trim() };
  const row = dashboard.panels.find((item): item is Row => item.type === "row" && item.panels.some((panel) => panel.id === id));
  return addPanel(dashboard, copy, row?.id);
}

/** Moves a panel one place earlier or later in reading order, swapping positions with its neighbour. */
export function movePanel(dashboard: Dashboard, id: string, direction: -1 | 1): Dashboard {
  const siblingsOf = (panels: readonly Panel[]) => placeInSection(panels).map((item) => item.panel);
  const groups = [dashboard.panels.filter((item): item is Panel => item.type !== "row"), ...dashboard.panels.filter((item): item is Row => item.type === "row").map((row) => row.panels)];
  const siblings = groups.map(siblingsOf).find((group) => group.some((panel) => panel.id === id));
  if (!siblings) return dashboard;
  const index = siblings.findIndex((panel) => panel.id === id);
  const other = siblings[index + direction];
  const self = siblings[index];
  if (!other || !self) return dashboard;
  return mapPanels(dashboard, (panel) => {
    if (panel.id === self.id) return { ...panel, gridPos: { ...panel.gridPos, x: other.gridPos.x, y: other.gridPos.y } };
    if (panel.id === other.id) return { ...panel, gridPos: { ...panel.gridPos, x: self.gridPos.x, y: self.gridPos.y } };
    return panel;
  });
}

export function addRow(dashboard: Dashboard, title: string): Dashboard {
  return { ...dashboard, panels: [...dashboard.panels, { type: "row", id: nextPanelId(dashboard, "row"), title, collapsed: false, panels: [] }] };
}

export function updateRow(dashboard: Dashboard, id: string, change: Partial<Pick<Row, "title" | "collapsed">>): Dashboard {
  return { ...dashboard, panels: dashboard.panels.map((item) => (item.type === "row" && item.id === id ? { ...item, ...change } : item)) };
}

/** Removes a row; its panels move up to the top level (below what is there) rather than disappearing. */
export function removeRow(dashboard: Dashboard, id: string): Dashboard {
  const row = dashboard.panels.find((item): item is Row => item.type === "row" && item.id === id);
  if (!row) return dashboard;
  let next: Dashboard = { ...dashboard, panels: dashboard.panels.filter((item) => item.id !== id) };
  for (const panel of placeInSection(row.panels).map((item) => item.panel)) next = addPanel(next, panel);
  return next;
}
