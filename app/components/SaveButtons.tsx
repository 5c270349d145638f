import type { DrawingFormat } from '../charts/exportChart';

/** "SVG" and "PNG" links that save a drawing named `title`. */
export function SaveButtons({
  title,
  onSave,
}: {
  title: string;
  onSave(format: DrawingFormat): void;
}) {
  return (
    <span className="chart-save">
      {(['svg', 'png'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="link"
          aria-label={`Save ${title} as ${format.toUpperCase()}`}
          onClick={() => onSave(format)}
        >
          {format.toUpperCase()}
        </button>
      ))}
    </span>
  );
}
