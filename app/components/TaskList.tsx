import { useMemo } from 'react';
import type { Problem } from '../../src/spec/types';
import { LIMITS } from '../../src/design/validate';
import { useApp, type AppState } from '../store';
import { isTraining } from '../store/selectors';
import { describeDataset } from '../../src/data/loadDataset';
import { addTask } from '../store/designEdits';
import { TaskCard } from './TaskCard';

const selectTaskList = (s: AppState) => ({
  tasks: s.spec.tasks,
  data: s.data,
  editDesign: s.editDesign,
  running: isTraining(s),
});

/** Every task head, and the button that adds one. */
export function TaskList({ problems }: { problems: Problem[] }) {
  const { tasks, data, editDesign, running } = useApp(selectTaskList);
  const schema = useMemo(() => describeDataset(data), [data]);

  return (
    <section className="tasks" aria-label="Tasks">
      <h2>Tasks</h2>
      {tasks.map((task, i) => (
        <TaskCard
          key={i}
          task={task}
          index={i}
          schema={schema}
          problems={problems.filter((p) => p.where === `task:${task.name}`)}
        />
      ))}
      <button
        type="button"
        disabled={running || tasks.length >= LIMITS.maxTasks}
        onClick={() => editDesign((d) => addTask(d, schema))}
      >
        Add task
      </button>
    </section>
  );
}
