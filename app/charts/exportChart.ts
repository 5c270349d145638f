import { downloadFile } from '../io/download';

const SVG_NS = 'http://www.w3.org/2000/svg';
const LEGEND_ROW = 22;

/**
 * A chart as a standalone SVG document: the drawing (LinePlot's or recharts') on white, with the
 * legend (HTML, outside the SVG, in both) drawn underneath as coloured labels.
 */
export function chartSvg(
  container: HTMLElement,
  legend: { label: string; color: string; dashed?: boolean }[],
): string | null {
  const svg = container.querySelector('svg.plot-surface, svg.recharts-surface');
  if (!(svg instanceof SVGSVGElement)) return null;
  const width = svg.width.baseVal.value;
  const height = svg.height.baseVal.value;
  const perRow = Math.max(1, Math.floor(width / 170));
  const total = height + Math.ceil(legend.length / perRow) * LEGEND_ROW + 8;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(total));
  clone.setAttribute('viewBox', `0 0 ${width} ${total}`);
  clone.setAttribute('font-family', 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif');
  clone.setAttribute('font-size', '12');
  const element = (name: string, attributes: Record<string, string | number>) => {
    const e = document.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
    return e;
  };
  clone.insertBefore(element('rect', { width, height: total, fill: '#ffffff' }), clone.firstChild);
  legend.forEach((item, i) => {
    const x = 16 + (i % perRow) * 170;
    const y = height + 6 + Math.floor(i / perRow) * LEGEND_ROW + 10;
    clone.append(
      element('line', {
        x1: x,
        x2: x + 20,
        y1: y,
        y2: y,
        stroke: item.color,
        'stroke-width': 2,
        ...(item.dashed ? { 'stroke-dasharray': '6 4' } : {}),
      }),
    );
    const text = element('text', { x: x + 26, y: y + 4, fill: '#0f172a' });
    text.textContent = item.label;
    clone.append(text);
  });
  return new XMLSerializer().serializeToString(clone);
}

/** Renders an SVG document to a PNG at twice its size (sharp on high-density screens). */
export async function svgToPng(svgText: string): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth * 2;
  canvas.height = image.naturalHeight * 2;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(2, 2);
  ctx.drawImage(image, 0, 0);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('The chart could not be drawn'))),
      'image/png',
    ),
  );
}

export type DrawingFormat = 'svg' | 'png';

/** Downloads the drawing in `container` as `file`.svg or .png (nothing when it holds none). */
export async function saveDrawing(
  container: HTMLElement | null,
  legend: Parameters<typeof chartSvg>[1],
  file: string,
  format: DrawingFormat,
): Promise<void> {
  const svg = container && chartSvg(container, legend);
  if (!svg) return;
  const blob = format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await svgToPng(svg);
  downloadFile(`${file}.${format}`, blob);
}

/** A title as a file name: lower case, words joined by dashes. */
export const fileNameOf = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
