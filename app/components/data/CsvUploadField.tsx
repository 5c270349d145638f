import { useApp, type AppState } from '../../store';
import { isTraining } from '../../store/selectors';
import { megabytes } from '../../../src/spec/fileLimits';

const selectCsvUploadField = (s: AppState) => ({
  upload: s.csvUpload,
  uploadCsv: s.uploadCsv,
  running: isTraining(s),
});

/** Picks a CSV from disk for the worker to read; shows progress while it does. */
export function CsvUploadField() {
  const { upload, uploadCsv, running } = useApp(selectCsvUploadField);
  const reading = upload.status === 'reading';
  return (
    <div className="csv-upload">
      <label className="file-button">
        <span>Upload CSV</span>
        <input
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
          aria-label="Upload CSV"
          disabled={running || reading}
          title={running ? 'Pause training to load other data' : undefined}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) uploadCsv(file, file.name);
            e.target.value = ''; // the same file can be chosen again
          }}
        />
      </label>
      {reading && (
        <span className="csv-progress">
          <progress
            aria-label="Reading CSV"
            value={upload.bytes}
            max={upload.total || 1}
            data-testid="csv-progress"
          />{' '}
          <span className="muted">
            {upload.file}: {megabytes(upload.bytes)} of {megabytes(upload.total)}
          </span>
        </span>
      )}
    </div>
  );
}
