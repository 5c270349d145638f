import type { DatasetSchema } from '../../src/data/loadDataset';
import type { LossKind, MetricKind, Problem, TaskSpec } from '../../src/spec/types';
import { LOSS_LABELS, METRIC_LABELS, formatNumber, taskColor } from '../format';
import { useApp, type AppState } from '../store';
import { isTraining } from '../store/selectors';
import {
  lossesFor,
  metricsFor,
  removeTask,
  renameTask,
  setTaskLoss,
  setTaskMetric,
  setTaskTarget,
} from '../store/designEdits';

interface Props {
  task: TaskSpec;
  index: number;
  schema: DatasetSchema;
  /** This task's validation problems, shown in the card. */
  problems: Problem[];
}

/** What a task's rows need: the task, where it is, its data's schema, and whether it is locked. */
interface RowProps {
  task: TaskSpec;
  index: number;
  schema: DatasetSchema;
  locked: boolean;
}

const selectEdit = (s: AppState) => ({ editDesign: s.editDesign });

/** The task's name, the target it learns, and its remove button. */
function TaskIdentity({ task, index, schema, locked }: RowProps) {
  const { editDesign } = useApp(selectEdit);
  return (
    <div className="row">
      <label className="field grow">
        <span>Name</span>
        <input
          aria-label="Task name"
          value={task.name}
          disabled={locked}
          spellCheck={false}
          onChange={(e) =>
            editDesign((d) => renameTask(d, index, e.target.value), `rename:${index}`)
          }
        />
      </label>
      <label className="field grow">
        <span>Target</span>
        <select
          aria-label={`Target for ${task.name}`}
          value={task.target}
          disabled={locked}
          onChange={(e) => editDesign((d) => setTaskTarget(d, index, e.target.value, schema))}
        >
          {Object.keys(schema.targets).map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="icon"
        aria-label={`Remove task ${task.name}`}
        title={`Remove task ${task.name}`}
        disabled={locked}
        onClick={() => editDesign((d) => removeTask(d, index))}
      >
        ✕
      </button>
    </div>
  );
}

/** The loss the task trains on and the metric it is judged by, among those its target allows. */
function TaskObjective({ task, index, schema, locked }: RowProps) {
  const { editDesign } = useApp(selectEdit);
  const target = schema.targets[task.target];
  return (
    <div className="row">
      <label className="field grow">
        <span>Loss</span>
        <select
          aria-label={`Loss for ${task.name}`}
          value={task.loss}
          disabled={locked}
          onChange={(e) =>
            editDesign((d) => setTaskLoss(d, index, e.target.value as LossKind, schema))
          }
        >
          {lossesFor(target).map((l) => (
            <option key={l} value={l}>
              {LOSS_LABELS[l]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Metric</span>
        <select
          aria-label={`Metric for ${task.name}`}
          value={task.metric}
          disabled={locked}
          onChange={(e) => editDesign((d) => setTaskMetric(d, index, e.target.value as MetricKind))}
        >
          {metricsFor(target).map((m) => (
            <option key={m} value={m}>
              {METRIC_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

const selectLambda = (s: AppState) => ({
  setLambda: s.setLambda,
  staticWeights: s.config.weighting.strategy === 'static',
  lambdas: s.config.lambdas,
});

/** The task's weight λ: a slider under Static λ; under any other strategy, set by it. */
function LambdaSlider({ task }: { task: TaskSpec }) {
  const { setLambda, staticWeights, lambdas } = useApp(selectLambda);
  const lambda = lambdas[task.name] ?? 1;
  return (
    <>
      <label className="field lambda">
        <span>λ</span>
        <input
          type="range"
          aria-label={`λ ${task.name}`}
          min={0}
          max={10}
          step={0.05}
          value={lambda}
          disabled={!staticWeights}
          title={
            staticWeights
              ? undefined
              : 'The weighting strategy sets λ now; choose Static λ to use the sliders'
          }
          onChange={(e) => setLambda(task.name, Number(e.target.value))}
        />
        <output>{formatNumber(lambda)}</output>
      </label>
      {!staticWeights && <p className="muted">λ is set by the weighting strategy (see “λ now”).</p>}
    </>
  );
}

const selectTaskCard = (s: AppState) => ({ running: isTraining(s) });

/** One task: its name, target, loss, metric and live weight λ. */
export function TaskCard({ task, index, schema, problems }: Props) {
  const { running } = useApp(selectTaskCard);
  const target = schema.targets[task.target];
  const targetLabel =
    target?.kind === 'classification'
      ? `${target.classes} classes`
      : `regression, ${target?.dims ?? '?'} value(s)`;
  const row = { task, index, schema, locked: running };

  return (
    <fieldset
      className="panel task"
      aria-label={task.name}
      style={{ borderLeftColor: taskColor(index) }}
    >
      <legend>{task.name || '(unnamed)'}</legend>
      <TaskIdentity {...row} />
      <TaskObjective {...row} />
      <p className="muted">
        {targetLabel} · head outputs {task.outputUnits}
      </p>
      {problems.map((p, i) => (
        <p key={i} className="inline-error">
          {p.message}
        </p>
      ))}
      <LambdaSlider task={task} />
    </fieldset>
  );
}
