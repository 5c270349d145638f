import { useApp, type AppState } from '../store';
import { ScrollingTable } from './ScrollingTable';

const selectClassNames = (s: AppState) => ({
  spec: s.spec,
  data: s.data,
});

/** Class names of a task, where the data has them (a CSV's classes); indices otherwise. */
function useClassNames(task: number, classes: number): string[] {
  const { spec, data } = useApp(selectClassNames);
  const target = spec.tasks[task]?.target;
  const fromCsv = data.csv?.targets.find((t) => t.column === target);
  if (fromCsv?.kind === 'classification' && fromCsv.classes.length === classes)
    return fromCsv.classes;
  return Array.from({ length: classes }, (_, k) => String(k));
}

const selectConfusionMatrix = (s: AppState) => ({
  confusion: s.run.confusion,
  task: s.confusionTask,
  tasks: s.run.tasks,
  close: s.showConfusion,
});

/**
 * The confusion matrix of one classification task on the validation split: rows are true
 * classes, columns predictions, shaded by the share of each row.
 */
export function ConfusionMatrix() {
  const { confusion, task, tasks, close } = useApp(selectConfusionMatrix);
  const names = useClassNames(task ?? 0, confusion?.matrix.length ?? 0);
  if (task === null) return null;
  const name = tasks[task] ?? '';
  return (
    <section className="panel confusion" aria-label={`Confusion matrix of ${name}`}>
      <h2>
        Confusion matrix of {name}{' '}
        <span className="muted">
          {confusion ? `validation split, step ${confusion.step}` : 'computing…'}
        </span>{' '}
        <button type="button" className="link" onClick={() => close(null)}>
          Close
        </button>
      </h2>
      {confusion && (
        <ScrollingTable label="Confusion matrix">
          <table className="confusion-table" data-testid="confusion-matrix">
            <thead>
              <tr>
                <th scope="col">true ↓ predicted →</th>
                {names.map((n) => (
                  <th key={n} scope="col">
                    {n}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {confusion.matrix.map((row, r) => {
                const total = row.reduce((a, b) => a + b, 0) || 1;
                return (
                  <tr key={r}>
                    <th scope="row">{names[r]}</th>
                    {row.map((count, c) => (
                      <td
                        key={c}
                        className={r === c ? 'diagonal' : undefined}
                        style={{
                          background: `rgba(${r === c ? '37,99,235' : '220,38,38'},${(count / total) * 0.6})`,
                        }}
                      >
                        {count}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollingTable>
      )}
    </section>
  );
}
