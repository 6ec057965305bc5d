/**
 * Draws a laid-out diagram as SVG (generated in code, styled by portal.css through classes). The picture is
 * labelled as one image with a summary; the side-by-side table is its full text equivalent.
 */
import { s } from '../dom/h';
import { cut, type DiagramLayout, type Rect } from './diagram-layout';

const palette = 6;

export function diagramSvg(layout: DiagramLayout, summary: string): SVGSVGElement {
  const svg = s('svg', {
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: layout.width,
    height: layout.height,
    class: `diagram source-${layout.armSource}`,
    role: 'img',
    'aria-labelledby': 'diagram-title diagram-desc',
  });
  svg.append(
    s('title', { id: 'diagram-title' }, 'Classic and Resource Manager diagram'),
    s('desc', { id: 'diagram-desc' }, summary),
  );
  for (const column of layout.columns) {
    svg.append(s('text', { x: column.x, y: 30, class: 'd-column' }, column.title));
  }
  for (const container of layout.containers) {
    const section = container.kind === 'section';
    svg.append(
      s('rect', { ...rect(container), rx: 6, class: `d-box d-k-${container.kind}` }),
      s(
        'text',
        {
          x: container.x + 10,
          y: container.y + (section ? 15 : 17),
          class: section ? 'd-section-title' : 'd-title',
        },
        cut(container.title, 70),
      ),
    );
    if (container.subtitle && !section) {
      svg.append(
        s(
          'text',
          { x: container.x + 10, y: container.y + 31, class: 'd-subtitle' },
          cut(container.subtitle, 80),
        ),
      );
    }
  }
  for (const link of layout.links) svg.append(s('path', { d: curve(link.from, link.to), class: 'd-link' }));
  for (const node of layout.nodes) {
    const group = s('g', { class: `d-node d-n-${node.kind}` }, s('title', null, node.full));
    group.append(s('rect', { ...rect(node), rx: 4, class: 'd-chip' }));
    if (node.colour !== undefined) {
      group.append(
        s('rect', {
          x: node.x,
          y: node.y,
          width: 5,
          height: node.height,
          rx: 2,
          class: `d-cs d-cs-${node.colour % palette}`,
        }),
      );
    }
    group.append(s('text', { x: node.x + 10, y: node.y + 15, class: 'd-label' }, node.label));
    if (node.detail)
      group.append(s('text', { x: node.x + 10, y: node.y + 29, class: 'd-detail' }, node.detail));
    svg.append(group);
  }
  if (layout.legend.cloudServices.length > 0) {
    let x = layout.columns[0]?.x ?? 16;
    const y = layout.legend.y;
    svg.append(s('text', { x, y: y + 12, class: 'd-detail' }, 'Cloud services:'));
    x += 100;
    layout.legend.cloudServices.forEach((name, index) => {
      svg.append(
        s('rect', { x, y: y + 2, width: 12, height: 12, rx: 2, class: `d-cs d-cs-${index % palette}` }),
        s('text', { x: x + 16, y: y + 12, class: 'd-detail' }, name),
      );
      x += 30 + name.length * 7;
    });
  }
  return svg;
}

function rect(r: Rect) {
  return { x: round(r.x), y: round(r.y), width: round(r.width), height: round(r.height) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** From the right edge of `from` to the left edge of `to`, as a smooth curve across the gutter. */
function curve(from: Rect, to: Rect): string {
  const x1 = from.x + from.width;
  const y1 = from.y + Math.min(from.height / 2, 18);
  const x2 = to.x;
  const y2 = to.y + Math.min(to.height / 2, 18);
  const bend = Math.max(40, (x2 - x1) / 2);
  return `M ${round(x1)} ${round(y1)} C ${round(x1 + bend)} ${round(y1)}, ${round(x2 - bend)} ${round(y2)}, ${round(x2)} ${round(y2)}`;
}
