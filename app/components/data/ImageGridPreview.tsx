import { useEffect, useRef } from 'react';
import type { DataPreview } from '../../../src/data/preview';
import { formatLabel } from './formatLabel';

interface Images {
  height: number;
  width: number;
  channels: number;
  pixels: Float32Array;
}

/** One example image at twice its size, grey values 0–1 (the first channel). */
function ImageTile({ images, index, caption }: { images: Images; index: number; caption: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { height, width, channels, pixels } = images;
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(width, height);
    const offset = index * height * width * channels;
    for (let p = 0; p < height * width; p++) {
      const v = 255 - Math.round(Math.min(1, Math.max(0, pixels[offset + p * channels]!)) * 255);
      image.data.set([v, v, v, 255], p * 4);
    }
    ctx.putImageData(image, 0, 0);
  }, [pixels, index, height, width, channels]);
  return (
    <figure className="image-tile" data-testid="preview-image">
      <canvas ref={canvas} width={width} height={height} aria-hidden="true" />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/** The first training images with every task's label under each. */
export function ImageGridPreview({ preview, images }: { preview: DataPreview; images: Images }) {
  const names = Object.keys(preview.targets);
  return (
    <div className="image-grid" data-testid="preview-images">
      {Array.from({ length: preview.count }, (_, i) => (
        <ImageTile
          key={i}
          images={images}
          index={i}
          caption={names.map((n) => `${n} ${formatLabel(preview, n, i)}`).join(' · ')}
        />
      ))}
    </div>
  );
}
