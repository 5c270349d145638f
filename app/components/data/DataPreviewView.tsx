import type { CsvReport } from '../../../src/data/dataset';
import { useApp, type AppState } from '../../store';
import { usesLoadedCsv } from '../../store/dataSlice';
import { CsvFirstRows } from './CsvFirstRows';
import { ImageGridPreview } from './ImageGridPreview';
import { PointsPreview } from './PointsPreview';
import { SpreadPreview } from './SpreadPreview';
import { TokenPreview } from './TokenPreview';

function CsvReportLine({ report }: { report: CsvReport }) {
  return (
    <p className="muted" data-testid="csv-report">
      {report.rows} rows: {report.dropped} left out for missing values
      {report.imputed ? `, ${report.imputed} values imputed` : ''}; {report.train} for training,{' '}
      {report.val} for validation. Numeric inputs and regression targets are standardized with the
      training split's mean and deviation (losses and MAE are in deviations).
    </p>
  );
}

const selectDataPreviewView = (s: AppState) => ({
  preview: s.dataPreview.preview,
  message: s.dataPreview.message,
  loading: s.dataPreview.loading,
  summary: s.csvUpload.summary,
  data: s.data,
});

/** What the data looks like, fit to its kind, with the split sizes. */
export function DataPreviewView() {
  const { preview, message, loading, summary, data } = useApp(selectDataPreviewView);
  const csvShown = usesLoadedCsv(data, summary);

  return (
    <div className="data-preview" aria-busy={loading}>
      {message && <p className="muted">No preview: {message}</p>}
      {preview && (
        <>
          <p className="muted">
            {preview.train} training and {preview.val} validation examples
            {loading ? ' (updating…)' : ''}
          </p>
          {preview.csvReport && <CsvReportLine report={preview.csvReport} />}
          {preview.sample.kind === 'points' && (
            <PointsPreview preview={preview} x={preview.sample.x} />
          )}
          {preview.sample.kind === 'images' && (
            <ImageGridPreview preview={preview} images={preview.sample} />
          )}
          {preview.sample.kind === 'tokens' && (
            <TokenPreview
              preview={preview}
              length={preview.sample.length}
              tokens={preview.sample.tokens}
            />
          )}
          {preview.sample.kind === 'features' && !csvShown && (
            <SpreadPreview preview={preview} size={preview.sample.size} />
          )}
        </>
      )}
      {csvShown && summary && <CsvFirstRows summary={summary} />}
    </div>
  );
}
