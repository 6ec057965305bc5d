/**
 * Places the diagram's containers and nodes: two columns (Classic, Resource Manager), containers stacked
 * top to bottom, nodes in a grid inside each container, nested containers below their nodes. Text is not
 * measured (no DOM here): labels are cut to what fits at the chip's width. Pure.
 */
import type { DiagramContainer, DiagramModel, DiagramNode } from './diagram-model';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedContainer extends Rect {
  key: string;
  kind: DiagramContainer['kind'];
  title: string;
  subtitle?: string;
}

export interface PlacedNode extends Rect {
  key: string;
  kind: DiagramNode['kind'];
  label: string;
  detail?: string;
  colour?: number;
  /** The untruncated text, for the tooltip. */
  full: string;
}

export interface DiagramLayout {
  armSource: DiagramModel['armSource'];
  width: number;
  height: number;
  columns: { x: number; title: string }[];
  containers: PlacedContainer[];
  nodes: PlacedNode[];
  links: { from: Rect; to: Rect }[];
  legend: { y: number; cloudServices: string[] };
}

const margin = 16;
const columnWidth = 450;
const gutter = 100;
const headerHeight = 38;
const sectionHeaderHeight = 22;
const padding = 10;
const chipHeight = 36;
const chipGap = 8;
const minChipWidth = 150;
/** Nodes drawn per container; the rest are counted in a "+N more" chip (a VNet of 4,000 VMs stays drawable). */
export const maxNodesPerContainer = 24;
/** Average glyph width at the chips' font size, for cutting labels without measuring. */
const glyphWidth = 6.8;

export function layoutDiagram(model: DiagramModel): DiagramLayout {
  const containers: PlacedContainer[] = [];
  const nodes: PlacedNode[] = [];
  const top = margin + 28;
  const columnX = [margin, margin + columnWidth + gutter];
  const place = (list: DiagramContainer[], x: number) => {
    let y = top;
    for (const container of list) y = placeContainer(container, x, y, columnWidth, containers, nodes) + 14;
    return y;
  };
  const bottom = Math.max(
    place(model.classic, columnX[0] ?? margin),
    place(model.arm, columnX[1] ?? margin),
    top + 40,
  );
  const byKey = new Map<string, Rect>([...containers, ...nodes].map((item) => [item.key, item]));
  const links = model.links.flatMap((link) => {
    const from = byKey.get(link.from);
    const to = byKey.get(link.to);
    return from && to ? [{ from, to }] : [];
  });
  const legendHeight = model.cloudServices.length > 0 ? 30 : 0;
  return {
    armSource: model.armSource,
    width: margin * 2 + columnWidth * 2 + gutter,
    height: bottom + legendHeight + margin,
    columns: [
      { x: columnX[0] ?? margin, title: 'Classic (Service Management)' },
      {
        x: columnX[1] ?? margin,
        title: `Resource Manager (${model.armSource === 'written' ? 'written' : 'planned'})`,
      },
    ],
    containers,
    nodes,
    links,
    legend: { y: bottom + 8, cloudServices: model.cloudServices },
  };
}

/** Places a container and what it holds at (x, y); returns the y below it. */
function placeContainer(
  container: DiagramContainer,
  x: number,
  y: number,
  width: number,
  containers: PlacedContainer[],
  nodes: PlacedNode[],
): number {
  const section = container.kind === 'section';
  const header = section ? sectionHeaderHeight : headerHeight;
  const placed: PlacedContainer = {
    key: container.key,
    kind: container.kind,
    title: container.title,
    ...(container.subtitle ? { subtitle: container.subtitle } : {}),
    x,
    y,
    width,
    height: 0,
  };
  containers.push(placed);
  let cursor = y + header;
  const shown = container.nodes.slice(0, maxNodesPerContainer);
  const hidden = container.nodes.length - shown.length;
  const items = hidden > 0 ? [...shown, moreNode(container.key, hidden)] : shown;
  if (items.length > 0) {
    const inner = width - padding * 2;
    const columns = container.linear
      ? 1
      : Math.max(1, Math.min(items.length, Math.floor((inner + chipGap) / (minChipWidth + chipGap))));
    const chipWidth = (inner - (columns - 1) * chipGap) / columns;
    items.forEach((node, index) => {
      const column = index % columns;
      const row = Math.floor(index / columns);
      nodes.push(
        placeNode(
          node,
          x + padding + column * (chipWidth + chipGap),
          cursor + row * (chipHeight + chipGap),
          chipWidth,
        ),
      );
    });
    cursor += Math.ceil(items.length / columns) * (chipHeight + chipGap);
  }
  for (const child of container.children) {
    cursor = placeContainer(child, x + padding, cursor, width - padding * 2, containers, nodes) + chipGap;
  }
  placed.height = Math.max(cursor - y + (section ? 0 : padding - chipGap), header + 4);
  return y + placed.height;
}

function moreNode(key: string, hidden: number): DiagramNode {
  return {
    key: `${key}:more`,
    label: `+ ${hidden} more`,
    detail: 'see the side-by-side table',
    kind: 'other',
  };
}

function placeNode(node: DiagramNode, x: number, y: number, width: number): PlacedNode {
  const chars = Math.max(4, Math.floor((width - 16) / glyphWidth));
  return {
    key: node.key,
    kind: node.kind,
    label: cut(node.label, chars),
    ...(node.detail ? { detail: cut(node.detail, chars + 2) } : {}),
    ...(node.colour === undefined ? {} : { colour: node.colour }),
    full: [node.label, node.detail].filter(Boolean).join(' — '),
    x,
    y,
    width,
    height: chipHeight,
  };
}

export function cut(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`;
}
