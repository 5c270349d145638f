import { historyCsv } from '../../src/io/historyCsv';
import { kerasScript } from '../../src/io/kerasCode';
import { serializeDesign } from '../../src/spec/serialize';
import { downloadFile } from '../io/download';
import { appStore, useApp, type AppState } from '../store';
import { isTraining } from '../store/selectors';

const selectTakeAway = (s: AppState) => ({
  spec: s.spec,
  config: s.config,
  data: s.data,
  importDesign: s.importDesign,
  importModel: s.importModel,
  running: isTraining(s),
  hasHistory: s.run.trainLoss.steps.length > 0,
});

/** Files in, files out: the design, the run's history, Keras code, and exported models. */
export function TakeAway() {
  const { spec, config, data, importDesign, importModel, running, hasHistory } =
    useApp(selectTakeAway);
  // Read at click time: subscribing to the run would re-render this panel at every metrics batch.
  const pythonCode = () => {
    const { run } = appStore.getState();
    // The run's effective λ where it has them (an adaptive strategy's last weights), else the sliders'.
    const lambdas = spec.tasks.map((t, i) =>
      run.tasks[i] === t.name && run.lambdas[i] !== undefined
        ? run.lambdas[i]!
        : (config.lambdas[t.name] ?? 1),
    );
    return kerasScript(spec, config, lambdas);
  };

  return (
    <fieldset className="panel take-away" aria-label="Export and import">
      <legend>Export and import</legend>
      <div className="row wrap">
        <button
          type="button"
          onClick={() =>
            downloadFile(
              'design.json',
              new Blob([serializeDesign({ spec, config, data })], { type: 'application/json' }),
            )
          }
        >
          Export design
        </button>
        <label className="file-button">
          <span>Import design</span>
          <input
            type="file"
            accept=".json,application/json"
            aria-label="Import design"
            disabled={running}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importDesign(file);
            }}
          />
        </label>
        <button
          type="button"
          title="A Keras script that rebuilds this model, loads the exported weights and compiles it with the final λ as loss_weights"
          onClick={() =>
            downloadFile('mtl_model.py', new Blob([pythonCode()], { type: 'text/x-python' }))
          }
        >
          Python code
        </button>
        <button
          type="button"
          disabled={!hasHistory}
          onClick={() =>
            downloadFile(
              'history.csv',
              new Blob([historyCsv(appStore.getState().run)], { type: 'text/csv' }),
            )
          }
        >
          History CSV
        </button>
        <label className="file-button" title="model.json and weights.bin from Export weights">
          <span>Import model</span>
          <input
            type="file"
            multiple
            accept=".json,.bin"
            aria-label="Import model"
            disabled={running}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length) void importModel(files);
            }}
          />
        </label>
      </div>
    </fieldset>
  );
}
