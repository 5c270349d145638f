import { inferShapes } from '../../spec/shapes';
import { sharingReadouts } from '../../spec/sharing';
import type { ModelSpec } from '../../spec/types';
import type { ReadoutValues } from './readouts';
import type { SaliencyMethod } from './saliency';

/** The "why" views, in the order the page shows them. */
export const INSIGHT_VIEWS = [
  'saliency',
  'attribution',
  'representation',
  'gates',
  'attention',
] as const;
export type InsightView = (typeof INSIGHT_VIEWS)[number];

/** What the page shows now, so the worker computes only that (null or false: not shown). */
export interface InsightRequest {
  /** `first`: the first of the validation images shown. */
  saliency: { method: SaliencyMethod; first: number } | null;
  attribution: boolean;
  /** `task`: whose head input to project where tasks read different representations. */
  representation: { task: number } | null;
  gates: boolean;
  /** `example`: the validation sequence whose attention is drawn. */
  attention: { example: number } | null;
}

export const NO_INSIGHTS: InsightRequest = {
  saliency: null,
  attribution: false,
  representation: null,
  gates: false,
  attention: null,
};

export const isWatching = (r: InsightRequest): boolean =>
  INSIGHT_VIEWS.some((view) => Boolean(r[view]));

/** Validation images the saliency view explains. */
export const SALIENCY_EXAMPLES = 8;
/** Validation examples the attribution, representation and gate views average or draw. */
export const INSIGHT_EXAMPLES = 256;

/** Saliency maps of every task for a few validation images, beside each task's prediction. */
export interface SaliencyInsight {
  method: SaliencyMethod;
  /** Index of the first validation image shown. */
  first: number;
  height: number;
  width: number;
  channels: number;
  /** examples × height × width × channels pixels. */
  images: Float32Array;
  /** Per task: examples × height × width of |attribution| summed over channels. */
  maps: Float32Array[];
  /** Per task, per image: what it predicts and what the label says (class or value). */
  predictions: number[][];
  truths: number[][];
}

/** Mean |gradient × input| per named input, per task. */
export interface AttributionInsight {
  features: string[];
  /** values[task][feature]. */
  values: number[][];
  /** 2-D inputs: each task's |gradient × input| at every cell of the decision maps' grid. */
  plane?: { resolution: number; maps: Float32Array[] };
}

/** The validation examples' representation projected on its two leading principal components. */
export interface RepresentationInsight {
  /** The task whose head input it is, or null when every task reads the same one. */
  task: number | null;
  /** The layer the representation is the output of, and its width. */
  layer: string;
  width: number;
  /** examples × 2 coordinates. */
  points: Float32Array;
  /** Share of the total variance each of the two axes holds. */
  explained: [number, number];
  /** Per task, per example: its label (class index or the first regression value). */
  labels: Float32Array[];
}

/** Each SelfAttention layer's heads for one validation sequence. */
export interface AttentionInsight {
  example: number;
  tokens: number[];
  layers: { layer: string; heads: number[][][] }[];
}

export interface Insights {
  saliency?: SaliencyInsight;
  attribution?: AttributionInsight;
  representation?: RepresentationInsight;
  gates?: ReadoutValues[];
  attention?: AttentionInsight;
}

/** The SelfAttention layers of a design, as the model names them. */
export function attentionLayers(spec: ModelSpec): string[] {
  const shapes = inferShapes(spec);
  return [
    ...spec.encoder.flatMap((l, i) =>
      l.type === 'selfAttention' ? [shapes.encoder[i]?.name ?? ''] : [],
    ),
    ...spec.tasks.flatMap((t, ti) =>
      t.head.flatMap((l, i) =>
        l.type === 'selfAttention' ? [shapes.tasks[ti]?.head[i]?.name ?? ''] : [],
      ),
    ),
  ].filter((name) => name !== '');
}

/** Why a view has nothing to show for this design, or null when it applies. */
export function insightUnavailable(view: InsightView, spec: ModelSpec): string | null {
  const input = spec.input.kind;
  switch (view) {
    case 'saliency':
      return input === 'image'
        ? null
        : `Saliency maps explain image inputs; this design reads ${input === 'tokens' ? 'token ids, which have no gradient (see Attention)' : 'features (see Feature attribution)'}.`;
    case 'attribution':
      return input === 'features'
        ? null
        : `Feature attribution explains feature and CSV inputs; this design reads ${input === 'image' ? 'images (see Saliency)' : 'token ids, which have no gradient (see Attention)'}.`;
    case 'representation':
      return spec.tasks.length > 0 ? null : 'Add a task first: the view projects what heads read.';
    case 'gates':
      return sharingReadouts(spec, inferShapes(spec).encoder).length > 0
        ? null
        : 'Gates show how MMoE, CGC, PLE and DSelect-k weigh their experts and how MTAN’s masks open; this design has no gate or mask (pick one of those in Sharing).';
    case 'attention':
      return attentionLayers(spec).length > 0
        ? null
        : 'This design has no SelfAttention layer: add one after an Embedding (token inputs) to see where each head looks.';
  }
}
