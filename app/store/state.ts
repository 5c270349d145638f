import type { CsvSummary } from '../../src/data/csv/csvSummary';
import type { DataPreview } from '../../src/data/preview';
import type { CsvChoices } from '../../src/design/csvDesign';
import type { BlockTraining, DataSpec, DatasetKind } from '../../src/spec/types';
import type { WeightingSettings } from '../../src/spec/weighting';
import type { Point } from '../../src/train/toy/cagradToy';
import type { ToyStrategy } from '../../src/train/toy/toyStrategies';
import type { BackendChoice, FromWorker, ToWorker } from '../../src/worker/protocol';
import type { RunLocks } from '../history/runLocks';
import type { RunStorage, SavedRun } from '../history/runStore';
import type { Design, LayerPath } from './designEdits';
import type { RunView } from './runView';
import type { ExperimentDraft, ExperimentMethod, ExperimentSpec } from '../../src/spec/experiment';
import type { InsightRequest } from '../../src/train/insights/views';
import type { CellResult, SeedBaselines } from '../../src/train/experiment/summary';

/** The shape of the app store: every slice's state and actions, and how a slice reaches the rest. */

/** The user's CSV as the worker reads and holds it. */
export interface CsvUpload {
  status: 'idle' | 'reading' | 'ready' | 'failed';
  requestId: number;
  file: string | null;
  bytes: number;
  total: number;
  /** The file the worker holds now (null: none, e.g. after a reload). */
  summary: CsvSummary | null;
}

/** The latest preview of the design's data, or why it cannot be built. */
export interface PreviewState {
  requestId: number;
  loading: boolean;
  preview: DataPreview | null;
  message: string | null;
}

export interface DataSlice {
  csvUpload: CsvUpload;
  dataPreview: PreviewState;
  /** Why the latest CSV could not be read; the design is untouched. */
  dataError: string | null;
  /** Sends a file to the worker to parse. */
  uploadCsv(file: Blob, name: string): void;
  /** New input/target columns or missing-value policy for the loaded CSV. */
  setCsvChoices(choices: CsvChoices): void;
  /** Size, noise, validation share or data seed. */
  setDataOptions(
    patch: Partial<Pick<DataSpec, 'size' | 'noise' | 'valFraction' | 'seed' | 'correlation'>>,
  ): void;
  /** The GradNorm toy's σ per task; its tasks follow. */
  setScales(scales: number[]): void;
  requestPreview(): void;
  receiveData(message: DataMessage): void;
  /** A new worker holds no file. */
  forgetCsv(): void;
  dismissDataError(): void;
}

/** What the user composed, its undo history, and the edits of it. Live settings (λ, learning rate, batch) reach a running run. */
export interface DesignSlice extends Design {
  backendChoice: BackendChoice;
  past: Design[];
  future: Design[];
  /** The layer the inspector edits. */
  selected: LayerPath | null;
  select(path: LayerPath | null): void;
  /** A structural edit; asks before discarding a run. Same-key edits in quick succession undo together. */
  editDesign(edit: (design: Design) => Design, key?: string): void;
  undo(): void;
  redo(): void;
  loadPreset(id: string): void;
  /** Takes a whole design (a saved run's), undoable; the caller has dealt with the current run. */
  adoptDesign(design: Design): void;
  /** Switches dataset; a model that cannot read it is replaced by that dataset's first preset. */
  setDataKind(kind: DatasetKind): void;
  regenerateData(): void;
  setLambda(task: string, value: number): void;
  setLearningRate(value: number): void;
  setBatchSize(value: number): void;
  setMaxSteps(value: number | null): void;
  /** Strategy or hyper-parameter change; a running run switches on its next step. */
  setWeighting(patch: Partial<WeightingSettings>): void;
  /** Frozen blocks and learning-rate multipliers (src/spec/blocks.ts); a run takes them on the next step. */
  setBlocks(blocks: Record<string, BlockTraining> | undefined): void;
  setBackendChoice(choice: BackendChoice): void;
}

/** Saved runs, and the actions on them. */
export interface HistorySlice {
  savedRuns: SavedRun[];
  /** Why runs cannot be kept (storage disabled or full); the app works on without. */
  historyError: string | null;
  refreshRuns(): Promise<void>;
  /** Saves the current run's record (design, state, curves) now. */
  saveCurrentRun(): Promise<void>;
  /** Saves the run of a state the store has since left (a Reset or Open replaced it). */
  saveRun(state: Pick<AppState, 'run' | 'spec' | 'config' | 'data' | 'experiment'>): Promise<void>;
  /** Keeps weights the worker sent for the current run. */
  keepCheckpoint(message: Extract<FromWorker, { type: 'checkpoint' }>): Promise<void>;
  /** Shows a saved run and, when its weights were kept, restores it in the worker to train on. */
  openRun(id: string): Promise<void>;
  renameRun(id: string, name: string): Promise<void>;
  /** Saved runs picked for comparison. */
  compareIds: string[];
  toggleCompare(id: string): void;
  deleteRun(id: string): Promise<void>;
}

/** Bringing designs and trained models back in; problems go to the data error line. */
export interface ImportSlice {
  /** A design file (Export design); refused with the reason when it is not one or is too big. */
  importDesign(file: Blob): Promise<void>;
  /** An exported model's two files: its design is loaded and its weights restored, to evaluate or train on. */
  importModel(files: File[]): Promise<void>;
}

/** The optimization-landscape view: which trajectories were asked for and how far they got. */
export interface LandscapeState {
  requestId: number;
  starts: Point[];
  /** Path per `${strategy}:${start index}`. */
  paths: Record<string, Point[]>;
  finished: number;
  total: number;
}

export interface LandscapeSlice {
  landscape: LandscapeState;
  runLandscape(strategies: ToyStrategy[], starts: Point[]): void;
  /** Appends the trajectory slices the worker posted; slices of older requests are dropped. */
  receiveLandscape(message: Extract<FromWorker, { type: 'landscapePaths' }>): void;
}

/** Getting a run back on its feet after a divergence or a crashed worker. */
export interface RecoverySlice {
  /**
   * Restores the current run from its last stored checkpoint (or from step 0 when none was kept),
   * cuts the curves there, scales the learning rate, and trains on when `resume`.
   */
  rollBack(options: {
    learningRateFactor?: number;
    resume: boolean;
    /** What happened, told in `error` with the step the run went back to. */
    note: (step: number) => string;
  }): Promise<void>;
  /** A new worker replaced a crashed one: it runs on the next backend and resumes the run. */
  recoverFromCrash(reason: string): Promise<void>;
}

/** The current run as the worker reports it, and the commands that drive it. */
export interface RunSlice {
  run: RunView;
  /** The task whose confusion matrix is open (null: none). */
  confusionTask: number | null;
  /** Applies one worker message through the run reducer. */
  receive(message: FromWorker): void;
  /** Applies several worker messages with one store update (one render). */
  receiveAll(messages: FromWorker[]): void;
  train(): void;
  step(): void;
  pause(): void;
  reset(): void;
  exportWeights(): void;
  /** Trains every task alone for as many steps as the run has taken, for Δm%. */
  runBaselines(): void;
  /** Shows a classification task's confusion matrix, refreshed at each validation (null hides it). */
  showConfusion(task: number | null): void;
  /** The why views shown now: the worker computes only these, for every run from now on. */
  insightRequest: InsightRequest;
  watchInsights(request: InsightRequest): void;
  dismissError(): void;
}

/** Everything the app holds, and every action the UI can take. */
/** Where an experiment stands: its definition, what finished, and what trains now. */
export interface ExperimentProgress {
  spec: ExperimentSpec;
  results: CellResult[];
  /** Single-task baselines by seed, trained after the seed's first run. */
  baselines: Record<number, SeedBaselines>;
  /** `training`: a cell's run; `baselines`: a seed's baselines; `stopped`: cancelled or interrupted. */
  status: 'training' | 'baselines' | 'stopped' | 'done';
  /** Index (in experimentCells order) of the cell training now, or the next one. */
  cell: number;
  /** The run of that cell, once started. */
  runId: string | null;
  /** Every run the experiment started, with its cell index (a resumed cell has two). */
  runs: Record<string, number>;
}

export interface ExperimentSlice {
  /** The panel's settings before a run (also what a shared link carries). */
  experimentDraft: ExperimentDraft;
  setExperimentDraft(patch: Partial<ExperimentDraft>): void;
  experiment: ExperimentProgress | null;
  startExperiment(definition: { methods: ExperimentMethod[]; seeds: number; steps: number }): void;
  /** Trains the remaining cells of a stopped experiment (the interrupted one from its start). */
  resumeExperiment(): Promise<void>;
  /** Stops after keeping what finished; the run in progress is left as it is. */
  stopExperiment(): void;
  closeExperiment(): void;
  /** Moves the experiment on after a change of the run (called by driveExperiments). */
  advanceExperiment(previous: RunView): void;
}

export type AppState = DesignSlice &
  RunSlice &
  LandscapeSlice &
  DataSlice &
  HistorySlice &
  ImportSlice &
  RecoverySlice &
  ExperimentSlice;

/** What the store needs from its surroundings; tests pass fakes. */
export interface StoreDeps {
  send(message: ToWorker): void;
  /** Asks the person whether to discard the current run. */
  confirmDiscard(question: string): boolean;
  newRunId(): string;
  /** Where runs are kept across reloads (absent in tests that do not need it). */
  history?: RunStorage;
  /** Which runs this tab has open, so two tabs never train the same run (absent: one tab only). */
  locks?: RunLocks;
  /** Tells other tabs that saved runs changed. */
  announceRunsChanged?(): void;
}

/** How a slice reads and writes the whole store. */
export interface SliceContext {
  set(partial: Partial<AppState>): void;
  get(): AppState;
  deps: StoreDeps;
}

/** Worker messages this slice consumes. */
export type DataMessage = Extract<
  FromWorker,
  { type: 'csvProgress' | 'csvLoaded' | 'csvFailed' | 'dataPreview' }
>;
