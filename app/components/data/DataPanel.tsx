import { DATASET_CATALOGUE } from '../../../src/data/loadDataset';
import { DATASETS, type DatasetKind } from '../../../src/spec/types';
import { useApp, type AppState } from '../../store';
import { isTraining } from '../../store/selectors';
import { usesLoadedCsv } from '../../store/dataSlice';
import { CsvColumns } from './CsvColumns';
import { CsvUploadField } from './CsvUploadField';
import { DataOptions } from './DataOptions';
import { DataPreviewView } from './DataPreviewView';
import { ScalesEditor } from './ScalesEditor';

const selectDataPanel = (s: AppState) => ({
  data: s.data,
  summary: s.csvUpload.summary,
  running: isTraining(s),
  regenerate: s.regenerateData,
  setDataKind: s.setDataKind,
});

/** Which data the model trains on, its options, the user's CSV, and a preview of it. */
export function DataPanel() {
  const { data, summary, running, regenerate, setDataKind } = useApp(selectDataPanel);
  // "Your CSV file" is offered once a file is loaded, or while the design uses one.
  const kinds = DATASETS.filter((k) => k !== 'csv' || summary || data.kind === 'csv');
  const csvMissing = data.kind === 'csv' && !usesLoadedCsv(data, summary);

  return (
    <fieldset className="panel" aria-label="Data">
      <legend>Data</legend>
      <div className="row">
        <label className="field grow">
          <span>Dataset</span>
          <select
            aria-label="Dataset"
            value={data.kind}
            disabled={running}
            onChange={(e) => setDataKind(e.target.value as DatasetKind)}
          >
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {kind === 'csv' && data.csv
                  ? `CSV: ${data.csv.file}`
                  : DATASET_CATALOGUE[kind].label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <button
          type="button"
          disabled={running}
          onClick={regenerate}
          title={`A new random draw (data seed ${data.seed} → ${data.seed + 1})`}
        >
          Regenerate
        </button>
        <CsvUploadField />
      </div>
      {csvMissing && (
        <p className="warning">
          {data.csv?.file ?? 'The CSV file'} is not loaded in this session (files stay on your
          disk): upload it again to preview and train.
        </p>
      )}
      <DataOptions />
      {data.kind === 'gradnorm' && <ScalesEditor />}
      {summary && (data.kind === 'csv' || !csvMissing) && <CsvColumns summary={summary} />}
      <DataPreviewView />
    </fieldset>
  );
}
