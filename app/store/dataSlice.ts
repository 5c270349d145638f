import type { CsvSummary } from '../../src/data/csv/csvSummary';
import { applyCsvChoices, suggestChoices } from '../../src/design/csvDesign';
import type { DataSpec } from '../../src/spec/types';
import type { FromWorker } from '../../src/worker/protocol';
import type { CsvUpload, DataMessage, DataSlice, SliceContext } from './state';
import { setGradnormScales } from './designEdits';

export const isDataMessage = (m: FromWorker): m is DataMessage =>
  m.type === 'csvProgress' ||
  m.type === 'csvLoaded' ||
  m.type === 'csvFailed' ||
  m.type === 'dataPreview';

/** Whether the design reads the CSV file the worker holds now (false for other data). */
export const usesLoadedCsv = (data: DataSpec, loaded: CsvSummary | null): boolean =>
  data.kind === 'csv' && data.csv !== undefined && loaded?.fingerprint === data.csv.fingerprint;

const IDLE_UPLOAD: CsvUpload = {
  status: 'idle',
  requestId: 0,
  file: null,
  bytes: 0,
  total: 0,
  summary: null,
};

export function createDataSlice({ set, get, deps }: SliceContext): DataSlice {
  const design = () => ({ spec: get().spec, config: get().config, data: get().data });
  /** A freshly read file gets suggested columns, unless the design already uses this very file. */
  const adopt = (summary: CsvSummary): void => {
    const data = get().data;
    if (data.kind === 'csv' && data.csv?.fingerprint === summary.fingerprint) {
      get().requestPreview(); // the same file again, after a reload: the design stands
      return;
    }
    get().editDesign((d) => applyCsvChoices(d, summary, suggestChoices(summary)));
  };

  return {
    csvUpload: IDLE_UPLOAD,
    dataPreview: { requestId: 0, loading: false, preview: null, message: null },
    dataError: null,

    uploadCsv: (file, name) => {
      const requestId = get().csvUpload.requestId + 1;
      set({
        csvUpload: {
          ...get().csvUpload,
          status: 'reading',
          requestId,
          file: name,
          bytes: 0,
          total: file.size,
        },
        dataError: null,
      });
      deps.send({ type: 'loadCsv', requestId, file, name });
    },
    setCsvChoices: (choices) => {
      const summary = get().csvUpload.summary;
      if (summary) get().editDesign((d) => applyCsvChoices(d, summary, choices), 'csv-columns');
    },
    setDataOptions: (patch) =>
      get().editDesign(
        (d) => ({ ...d, data: { ...d.data, ...patch } }),
        `data-${Object.keys(patch).join()}`,
      ),
    setScales: (scales) => get().editDesign((d) => setGradnormScales(d, scales), 'data-scales'),
    requestPreview: () => {
      const requestId = get().dataPreview.requestId + 1;
      set({ dataPreview: { ...get().dataPreview, requestId, loading: true } });
      deps.send({ type: 'preview', requestId, data: design().data });
    },
    receiveData: (message) => {
      switch (message.type) {
        case 'csvProgress':
          if (message.requestId === get().csvUpload.requestId)
            set({ csvUpload: { ...get().csvUpload, bytes: message.bytes, total: message.total } });
          return;
        case 'csvLoaded':
          if (message.requestId !== get().csvUpload.requestId) return;
          set({
            csvUpload: {
              ...get().csvUpload,
              status: 'ready',
              bytes: message.summary.bytes,
              summary: message.summary,
            },
          });
          adopt(message.summary);
          return;
        case 'csvFailed':
          if (message.requestId !== get().csvUpload.requestId) return;
          // The worker kept its previous file, if any: so does the UI.
          set({ csvUpload: { ...get().csvUpload, status: 'failed' }, dataError: message.message });
          return;
        case 'dataPreview':
          if (message.requestId !== get().dataPreview.requestId) return;
          set({
            dataPreview: {
              requestId: message.requestId,
              loading: false,
              preview: message.preview,
              message: message.message ?? null,
            },
          });
          return;
      }
    },
    forgetCsv: () => set({ csvUpload: { ...IDLE_UPLOAD, requestId: get().csvUpload.requestId } }),
    dismissDataError: () => set({ dataError: null }),
  };
}
