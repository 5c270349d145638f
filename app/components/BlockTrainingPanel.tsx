import { useMemo } from 'react';
import {
  blockTraining,
  trainingBlocks,
  withBlockSetting,
  type TrainingBlock,
} from '../../src/spec/blocks';
import type { BlockTraining } from '../../src/spec/types';
import { useApp, type AppState } from '../store';
import { NumberField } from './NumberField';

const selectBlockTraining = (s: AppState) => ({
  spec: s.spec,
  blocks: s.config.blocks,
  setBlocks: s.setBlocks,
});

/** "2 frozen · 1 at another rate", or that every block trains as usual. */
export function blocksSummary(settings: Record<string, BlockTraining> | undefined): string {
  const values = Object.values(settings ?? {});
  const frozen = values.filter((b) => !b.trainable).length;
  const scaled = values.filter((b) => b.trainable && b.lrScale !== 1).length;
  if (frozen + scaled === 0) return 'every block trains';
  return [frozen && `${frozen} frozen`, scaled && `${scaled} at another rate`]
    .filter(Boolean)
    .join(' · ');
}

/** Every block not a task's head frozen: a linear probe of the encoder's features. */
function linearProbe(blocks: TrainingBlock[]): Record<string, BlockTraining> {
  return Object.fromEntries(
    blocks.filter((b) => b.kind !== 'task').map((b) => [b.id, { trainable: false, lrScale: 1 }]),
  );
}

/**
 * Freeze and fine-tune: per block (encoder layer, expert, gate, head) whether it trains and at
 * what multiple of the learning rate. Takes effect on the next step, also while training.
 */
export function BlockTrainingPanel() {
  const { spec, blocks: settings, setBlocks } = useApp(selectBlockTraining);
  const blocks = useMemo(() => safeBlocks(spec), [spec]);
  const set = (id: string, next: BlockTraining) => setBlocks(withBlockSetting(settings, id, next));

  return (
    <details className="panel blocks-panel">
      <summary>
        Freeze and fine-tune <span className="muted">({blocksSummary(settings)})</span>
      </summary>
      <p className="muted">
        A frozen block keeps its weights exactly; the others train at the learning rate times their
        multiplier. Changes apply on the next step, also while training.
      </p>
      <div className="row">
        <button type="button" onClick={() => setBlocks(linearProbe(blocks))}>
          Linear probe (train the heads only)
        </button>
        <button type="button" onClick={() => setBlocks(undefined)}>
          Fine-tune everything
        </button>
      </div>
      <table className="preview-table blocks-table" data-testid="block-training">
        <thead>
          <tr>
            <th scope="col">Block</th>
            <th scope="col">Trains</th>
            <th scope="col">Rate ×</th>
          </tr>
        </thead>
        <tbody>
          {blocks.map((block) => {
            const setting = blockTraining(settings, block.id);
            return (
              <tr key={block.id} className={setting.trainable ? undefined : 'frozen'}>
                <th scope="row">{block.label}</th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Train ${block.label}`}
                    checked={setting.trainable}
                    onChange={(e) => set(block.id, { ...setting, trainable: e.target.checked })}
                  />
                </td>
                <td>
                  <NumberField
                    bare
                    label={`Learning-rate multiplier of ${block.label}`}
                    value={setting.lrScale}
                    min={0}
                    disabled={!setting.trainable}
                    onValue={(lrScale) => set(block.id, { ...setting, lrScale })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

/** The blocks of a design that may be half-edited (then: none to list yet). */
function safeBlocks(spec: AppState['spec']): TrainingBlock[] {
  try {
    return trainingBlocks(spec);
  } catch {
    return [];
  }
}
