import * as tf from '@tensorflow/tfjs';
import type { DeviceSplit } from '../../data/deviceData';
import { featureGroups } from '../../data/featureNames';
import type { SelfAttention } from '../../model/selfAttention';
import { predictTasks } from '../../model/buildModel';
import { headLayerName, outputLayerName } from '../../spec/naming';
import { inferShapes } from '../../spec/shapes';
import { sharingMode, sharingReadouts } from '../../spec/sharing';
import type { DataSpec, ModelSpec, TaskSpec } from '../../spec/types';
import { layerTensors } from './layerOutputs';
import { principalComponents } from './pca';
import { readoutValues } from './readouts';
import { attribution } from './saliency';
import { gridPoints, hasDecisionMaps, MAP_RESOLUTION } from '../predictionViews';
import {
  attentionLayers,
  INSIGHT_EXAMPLES,
  insightUnavailable,
  SALIENCY_EXAMPLES,
  type AttentionInsight,
  type AttributionInsight,
  type InsightRequest,
  type Insights,
  type RepresentationInsight,
  type SaliencyInsight,
} from './views';

/** What the views read: the run's model and design, and its validation split on the device. */
export interface InsightSource {
  model: tf.LayersModel;
  spec: ModelSpec;
  data: DataSpec;
  val: DeviceSplit;
}

/** `n` examples of a split's inputs from `from` on (a new tensor). */
const firstInputs = (val: DeviceSplit, n: number, from = 0): tf.Tensor => {
  const start = Math.min(Math.max(from, 0), Math.max(val.size - 1, 0));
  return tf.slice(val.x, start, Math.min(n, val.size - start));
};

/** Per task, per example: the class index (one-hot or probability targets) or first value. */
const perExample = (task: TaskSpec, t: tf.Tensor): tf.Tensor1D =>
  (task.loss === 'softmaxCrossEntropy'
    ? tf.argMax(t, -1).toFloat()
    : t.reshape([t.shape[0]!, -1]).slice([0, 0], [-1, 1]).reshape([-1])) as tf.Tensor1D;

async function saliencyOf(
  source: InsightSource,
  { method, first }: { method: SaliencyInsight['method']; first: number },
): Promise<SaliencyInsight> {
  const { model, spec, val } = source;
  const from = Math.min(Math.max(first, 0), Math.max(val.size - SALIENCY_EXAMPLES, 0));
  const x = firstInputs(val, SALIENCY_EXAMPLES, from);
  const [n, height, width, channels] = x.shape as number[];
  const parts = tf.tidy(() => {
    const maps = spec.tasks.map((task, t) =>
      tf.sum(tf.abs(attribution(model, task, t, x, method)), -1),
    );
    const preds = predictTasks(model, x, false);
    const truths = val.targets.map((target) => tf.slice(target, from, n!));
    return [
      x,
      ...maps,
      ...spec.tasks.map((task, t) => perExample(task, preds[t]!)),
      ...spec.tasks.map((task, t) => perExample(task, truths[t]!)),
    ];
  });
  const values = await Promise.all(parts.map((p) => p.data<'float32'>()));
  tf.dispose([x, ...parts]);
  const T = spec.tasks.length;
  return {
    method,
    first: from,
    height: height!,
    width: width!,
    channels: channels!,
    images: values[0]!,
    maps: values.slice(1, 1 + T),
    predictions: values.slice(1 + T, 1 + 2 * T).map((v) => Array.from(v)),
    truths: values.slice(1 + 2 * T).map((v) => Array.from(v)),
  };
}

async function attributionOf(source: InsightSource): Promise<AttributionInsight> {
  const { model, spec, data, val } = source;
  const x = firstInputs(val, INSIGHT_EXAMPLES);
  const means = tf.tidy(() =>
    tf.stack(
      spec.tasks.map((task, t) =>
        tf.mean(tf.abs(attribution(model, task, t, x, 'gradientInput')), 0),
      ),
    ),
  );
  const flat = await means.data();
  tf.dispose([x, means]);
  const width = x.shape[1]!;
  const groups = featureGroups(data, width);
  return {
    features: groups.map((g) => g.name),
    values: spec.tasks.map((_, t) =>
      groups.map((g) => g.columns.reduce((s, c) => s + flat[t * width + c]!, 0)),
    ),
    ...(hasDecisionMaps(spec) ? { plane: await planeAttribution(model, spec) } : {}),
  };
}

/** For 2-D inputs: each task's |gradient × input| (both inputs summed) over the maps' grid. */
async function planeAttribution(model: tf.LayersModel, spec: ModelSpec) {
  const grid = gridPoints(MAP_RESOLUTION);
  const maps = tf.tidy(() =>
    spec.tasks.map((task, t) =>
      tf.sum(tf.abs(attribution(model, task, t, grid, 'gradientInput')), -1),
    ),
  );
  const values = await Promise.all(maps.map((m) => m.data<'float32'>()));
  tf.dispose([grid, ...maps]);
  return { resolution: MAP_RESOLUTION, maps: values };
}

/** The layer whose output task `task` reads: the input of its first head layer or of its output. */
function headInput(task: TaskSpec): string {
  return task.head.length ? headLayerName(task.name, 0, task.head[0]!) : outputLayerName(task.name);
}

async function representationOf(
  source: InsightSource,
  wanted: number,
): Promise<RepresentationInsight> {
  const { model, spec, val } = source;
  const shared = sharingMode(spec.sharing).singleRepresentation;
  const task = shared ? 0 : Math.min(Math.max(wanted, 0), spec.tasks.length - 1);
  const layer = headInput(spec.tasks[task]!);
  const x = firstInputs(val, INSIGHT_EXAMPLES);
  const n = x.shape[0]!;
  const parts: tf.Tensor[] = tf.tidy(() => {
    const [input] = layerTensors(model, [layer], x, 'input');
    return [
      input!.reshape([n, -1]),
      ...spec.tasks.map((t, i) => perExample(t, tf.slice(val.targets[i]!, 0, n))),
    ];
  });
  const [rows, ...labelValues] = await Promise.all(parts.map((t) => t.data<'float32'>()));
  const width = parts[0]!.shape[1]!;
  tf.dispose([x, ...parts]);
  const pca = principalComponents(rows!, n, width, 2);
  const share = (v: number | undefined) =>
    pca.totalVariance > 0 ? (v ?? 0) / pca.totalVariance : 0;
  // With a one-wide representation the second axis is all zeros.
  const points =
    pca.variances.length === 2
      ? pca.points
      : Float32Array.from({ length: n * 2 }, (_, k) => (k % 2 ? 0 : pca.points[k >> 1]!));
  return {
    task: shared ? null : task,
    layer: model.getLayer(layer).inboundNodes[0]?.inboundLayers[0]?.name ?? layer,
    width,
    points,
    explained: [share(pca.variances[0]), share(pca.variances[1])],
    labels: labelValues,
  };
}

async function attentionOf(source: InsightSource, example: number): Promise<AttentionInsight> {
  const { model, spec, val } = source;
  const names = attentionLayers(spec);
  const at = Math.min(Math.max(example, 0), val.size - 1);
  const x = tf.slice(val.x, at, 1);
  const maps = tf.tidy(() => {
    const inputs = layerTensors(model, names, x, 'input');
    return names.map((name, i) =>
      (model.getLayer(name) as SelfAttention).attentionMaps(inputs[i] as tf.Tensor3D).squeeze([0]),
    );
  });
  const heads = await Promise.all(maps.map((m) => m.array() as Promise<number[][][]>));
  const tokens = Array.from(await x.data());
  tf.dispose([x, ...maps]);
  return { example: at, tokens, layers: names.map((layer, i) => ({ layer, heads: heads[i]! })) };
}

/** Computes every requested view that applies to the design; the others are left out. */
export async function computeInsights(
  source: InsightSource,
  request: InsightRequest,
): Promise<Insights> {
  const { spec } = source;
  const applies = (view: Parameters<typeof insightUnavailable>[0]) =>
    insightUnavailable(view, spec) === null;
  const out: Insights = {};
  if (request.saliency && applies('saliency'))
    out.saliency = await saliencyOf(source, request.saliency);
  if (request.attribution && applies('attribution')) out.attribution = await attributionOf(source);
  if (request.representation && applies('representation'))
    out.representation = await representationOf(source, request.representation.task);
  if (request.gates && applies('gates')) {
    const x = firstInputs(source.val, INSIGHT_EXAMPLES);
    out.gates = await readoutValues(
      source.model,
      sharingReadouts(spec, inferShapes(spec).encoder),
      x,
    );
    x.dispose();
  }
  if (request.attention && applies('attention'))
    out.attention = await attentionOf(source, request.attention.example);
  return out;
}
