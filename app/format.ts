/** A readout number: 4 significant digits, plain enough for `Number()` to read back. */
export function formatNumber(value: number | undefined | null): string {
  if (value === undefined || value === null) return '—';
  if (!Number.isFinite(value)) return String(value);
  const rounded = value.toPrecision(4);
  // A diverging loss reads 6.195e+20, not twenty-one digits (JS switches only at 1e21).
  return Math.abs(value) >= 1e9 ? rounded : Number(rounded).toString();
}

/** Display names of the losses. */
export const LOSS_LABELS: Record<string, string> = {
  softmaxCrossEntropy: 'Softmax cross-entropy',
  sigmoidBinaryCrossEntropy: 'Sigmoid binary cross-entropy',
  mse: 'Mean squared error',
  mae: 'Mean absolute error',
  huber: 'Huber',
};

/** Display names of the metrics. */
export const METRIC_LABELS: Record<string, string> = {
  accuracy: 'accuracy',
  mae: 'MAE',
  rmse: 'RMSE',
  r2: 'R²',
};

/** One colour per task, in task order. */
export const TASK_COLORS = [
  '#2563eb',
  '#dc2626',
  '#16a34a',
  '#9333ea',
  '#ea580c',
  '#0891b2',
  '#ca8a04',
  '#db2777',
];

/** The colour of task `index`. */
export const taskColor = (index: number): string => TASK_COLORS[index % TASK_COLORS.length]!;

/** A byte count as a person reads it: 812 B, 24 KB, 3.1 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A duration as a person plans with it: 45 s, 3 min 20 s, 1 h 5 min. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) {
    const rest = s % 60;
    return `${Math.floor(s / 60)} min${rest ? ` ${rest} s` : ''}`;
  }
  const minutes = Math.round((s % 3600) / 60);
  return `${Math.floor(s / 3600)} h${minutes ? ` ${minutes} min` : ''}`;
}
