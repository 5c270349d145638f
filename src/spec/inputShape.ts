import type { Shape } from '../layers/shape';
import type { InputSpec } from './types';

/** The input as a shape. */
export function inputShape(input: InputSpec): Shape {
  switch (input.kind) {
    case 'features':
      return [input.size];
    case 'image':
      return [input.height, input.width, input.channels];
    case 'tokens':
      return [input.length];
  }
}
