import { formatShape } from '../../src/layers/shape';
import type { LayerShape } from '../../src/spec/shapes';

interface Props {
  title: string;
  shape: LayerShape | undefined;
  selected?: boolean;
  invalid?: boolean;
  kind?: 'layer' | 'io' | 'gate';
  /** Short marks under the block: frozen, its learning-rate multiplier, where its weights came from. */
  notes?: string[];
  onClick?: () => void;
}

const params = (n: number): string => `${n.toLocaleString('en-US')} params`;

/** One block of the diagram: what the layer is, what it outputs, how many weights it has. */
export function LayerBlock({
  title,
  shape,
  selected = false,
  invalid = false,
  kind = 'layer',
  notes = [],
  onClick,
}: Props) {
  const detail = shape?.shape
    ? `→ ${formatShape(shape.shape)}${shape.params ? ` · ${params(shape.params)}` : ''}`
    : 'shape unknown';
  const className = `block ${kind}${selected ? ' selected' : ''}${invalid ? ' invalid' : ''}`;
  const content = (
    <>
      <span className="block-title">{title}</span>
      <span className="block-detail">{detail}</span>
      {notes.length > 0 && <span className="block-notes">{notes.join(' · ')}</span>}
    </>
  );
  if (!onClick) return <div className={className}>{content}</div>;
  return (
    <button type="button" className={className} aria-pressed={selected} onClick={onClick}>
      {content}
    </button>
  );
}
