import { fail, formatShape, ok, type LayerResult, type Shape } from '../shape';

function spatial(size: number, window: number, strides: number, padding: 'same' | 'valid'): number {
  return padding === 'same' ? Math.ceil(size / strides) : Math.floor((size - window) / strides) + 1;
}

/** The image-shaped output of a 2-D window (conv or pool), or why the window does not fit. */
export function window2d(
  label: string,
  input: Shape,
  window: number,
  strides: number,
  padding: 'same' | 'valid',
  channels: number,
): LayerResult {
  if (input.length !== 3)
    return fail(`${label} needs an image input [h, w, c]; this input is ${formatShape(input)}`);
  const [h, w] = input as [number, number, number];
  const oh = spatial(h, window, strides, padding);
  const ow = spatial(w, window, strides, padding);
  if (oh < 1 || ow < 1) {
    return fail(
      `${label} window ${window} does not fit its ${h}×${w} input (use a smaller window or padding 'same')`,
    );
  }
  return ok([oh, ow, channels]);
}
