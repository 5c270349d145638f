import { sequentialRgb } from '../../charts/labelColors';

/**
 * Values on a width × height grid as a PNG data URL, for an SVG `<image>`: grey from white (0)
 * to black (1) for an input image, or white to blue scaled to the grid's own largest value.
 */
export function heatImage(
  values: Float32Array,
  width: number,
  height: number,
  kind: 'grey' | 'heat',
): string {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const image = new ImageData(width, height);
  let top = 1e-12;
  if (kind === 'heat') for (const v of values) top = Math.max(top, v);
  values.forEach((v, i) => {
    const grey = 255 * (1 - Math.min(1, Math.max(0, v)));
    const rgb = kind === 'heat' ? sequentialRgb(v / top) : [grey, grey, grey];
    image.data.set([...rgb, 255], i * 4);
  });
  canvas.getContext('2d')!.putImageData(image, 0, 0);
  return canvas.toDataURL('image/png');
}
