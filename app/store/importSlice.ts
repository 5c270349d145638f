import { describeDataset } from '../../src/data/loadDataset';
import { formatShape } from '../../src/layers/shape';
import { FILE_LIMITS, sizeRefusal } from '../../src/spec/fileLimits';
import { parseDesign } from '../../src/spec/serialize';
import { inputShape } from '../../src/spec/shapes';
import { validateSpec } from '../../src/design/validate';
import { readModelFiles } from '../io/readModelFiles';
import type { ImportSlice, SliceContext } from './state';
import { startRunView } from './runView';

export function createImportSlice({ set, get, deps }: SliceContext): ImportSlice {
  const refuse = (message: string) => set({ dataError: message });
  const mayDiscard = (): boolean => {
    if (get().run.runId === null) return true;
    if (
      !deps.confirmDiscard('Importing replaces the current run (it stays in Saved runs). Continue?')
    )
      return false;
    get().reset();
    return true;
  };
  return {
    importDesign: async (file) => {
      const tooBig = sizeRefusal('This design file', file.size, FILE_LIMITS.designBytes);
      if (tooBig) return refuse(tooBig);
      const parsed = parseDesign(await file.text());
      if (!parsed.ok) return refuse(parsed.message);
      if (mayDiscard()) get().adoptDesign(parsed.design);
    },
    importModel: async (files) => {
      const read = await readModelFiles(files);
      if (!read.ok) return refuse(read.message);
      const { spec, exported } = read;
      const data = get().data;
      const schema = describeDataset(data);
      if (JSON.stringify(schema.input) !== JSON.stringify(spec.input))
        return refuse(
          `This model reads ${spec.input.kind} ${formatShape(inputShape(spec.input))} but the current dataset gives ${schema.input.kind} ${formatShape(inputShape(schema.input))}: choose its dataset first, then import again`,
        );
      const problems = validateSpec(spec, schema);
      if (problems.length)
        return refuse(`This model does not fit the current data: ${problems[0]!.message}`);
      if (!mayDiscard()) return;
      const lambdas = Object.fromEntries(
        spec.tasks.map((t) => [t.name, get().config.lambdas[t.name] ?? 1]),
      );
      get().adoptDesign({ spec, config: { ...get().config, lambdas }, data });
      const runId = deps.newRunId();
      set({ run: startRunView(get().run, runId), dataError: null });
      const design = { spec, config: get().config, data };
      deps.send({ type: 'restore', runId, design, step: 0, checkpoint: exported });
    },
  };
}
