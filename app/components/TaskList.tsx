import { useMemo } from 'react';
import type { Problem } from '../../src/spec/types';
import { LIMITS } from '../../src/design/validate';
import { useApp } from '../store';
import { describeDataset } from '../../src/data/loadDataset';
import { addTask } from '../store/designEdits';
import { TaskCard } from './TaskCard';

/** Every task head, and the button that adds one. */
export function TaskList({ problems }: { problems: Problem[] }) {
  const tasks = useApp((s) => s.spec.tasks);
  const data = useApp((s) => s.data);
  const editDesign = useApp((s) => s.editDesign);
  const running = useApp((s) => s.run.state === 'running');
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
