import * as v from 'valibot';
import { SAVED } from '../layers/limits';
import { layerSchema } from '../layers/registry';
import { int, num } from '../layers/savedSchema';
import {
  STRATEGIES,
  STRATEGY_PARAM_KEYS,
  STRATEGY_PARAMS,
  type StrategyParamKey,
} from './weighting';
import { FILE_LIMITS, sizeRefusal } from './fileLimits';
import {
  DATASETS,
  LOSSES,
  METRICS,
  OPTIMIZERS,
  REMEDIES,
  type DataSpec,
  type ModelSpec,
  type TrainConfig,
} from './types';

/** A whole design as it is saved, shared and reloaded. */
export interface Design {
  spec: ModelSpec;
  config: TrainConfig;
  data: DataSpec;
}

/** The format tag and version every saved design carries. */
export const DESIGN_FORMAT = 'mtl-playground-design';
export const DESIGN_VERSION = 1;

// Structural schemas: types, known fields only, and sizes no browser could hold. The friendlier
// semantic checks (units vs. classes, shapes) stay in validate.ts.
const BIG = SAVED.big;
const name = v.pipe(v.string(), v.maxLength(64));

// Any registered layer type; looked up when read, so a layer added to the registry loads too.
const layer = v.lazy(layerSchema);

const layers = v.pipe(v.array(layer), v.maxLength(64));

const spec = v.strictObject({
  input: v.variant('kind', [
    v.strictObject({ kind: v.literal('features'), size: int(1, BIG) }),
    v.strictObject({
      kind: v.literal('image'),
      height: int(1, 4096),
      width: int(1, 4096),
      channels: int(1, 64),
    }),
    v.strictObject({ kind: v.literal('tokens'), length: int(1, 4096), vocabSize: int(1, BIG) }),
  ]),
  sharing: v.variant('mode', [
    v.strictObject({ mode: v.literal('hard') }),
    v.strictObject({ mode: v.literal('mmoe'), experts: int(0, 64) }),
    v.strictObject({ mode: v.literal('cgc'), sharedExperts: int(0, 64), taskExperts: int(0, 64) }),
    v.strictObject({ mode: v.literal('ple'), sharedExperts: int(0, 64), taskExperts: int(0, 64) }),
    v.strictObject({
      mode: v.literal('dselectk'),
      experts: int(0, 64),
      selectors: int(0, 64),
      gamma: num(0, 1000),
    }),
    v.strictObject({ mode: v.literal('crossStitch') }),
    v.strictObject({ mode: v.literal('mtan') }),
  ]),
  encoder: layers,
  tasks: v.pipe(
    v.array(
      v.strictObject({
        name,
        target: name,
        head: layers,
        outputUnits: int(0, BIG),
        loss: v.picklist(LOSSES),
        metric: v.picklist(METRICS),
      }),
    ),
    v.maxLength(64),
  ),
});

const config = v.strictObject({
  optimizer: v.picklist(OPTIMIZERS),
  learningRate: num(0, 1000),
  batchSize: int(0, BIG),
  maxSteps: v.nullable(int(0, 1e9)),
  evalEvery: int(0, 1e9),
  weightDecay: num(0, 1),
  seed: int(-(2 ** 31), 2 ** 32),
  lambdas: v.record(name, num(0, 1e6)),
  weighting: v.strictObject({
    strategy: v.picklist(STRATEGIES),
    // Sane sizes only (validation enforces each range, with its message); a design saved before
    // a strategy existed lacks its parameters, which take their defaults.
    ...(Object.fromEntries(
      STRATEGY_PARAM_KEYS.map((k) => [k, v.optional(num(-1e9, 1e9), STRATEGY_PARAMS[k].default)]),
    ) as Record<StrategyParamKey, v.OptionalSchema<ReturnType<typeof num>, number>>),
  }),
  blocks: v.optional(
    v.pipe(
      v.record(
        v.pipe(v.string(), v.maxLength(256)),
        v.strictObject({ trainable: v.boolean(), lrScale: num(0, 1e6) }),
      ),
      v.check((r) => Object.keys(r).length <= 1000, 'too many block settings'),
    ),
  ),
  sequence: v.optional(
    v.strictObject({
      order: v.pipe(v.array(name), v.maxLength(100)),
      stageSteps: int(0, 1e9),
      remedy: v.picklist(REMEDIES),
      replayPerTask: int(0, 1e9),
      ewcStrength: num(0, 1e12),
    }),
  ),
});

const labels = (max: number) =>
  v.pipe(v.array(v.pipe(v.string(), v.maxLength(256))), v.maxLength(max));
const csv = v.strictObject({
  file: v.pipe(v.string(), v.maxLength(256)),
  fingerprint: v.pipe(v.string(), v.maxLength(64)),
  rows: int(0, 10_000_000),
  inputs: v.pipe(
    v.array(
      v.variant('encoding', [
        v.strictObject({ column: name, encoding: v.literal('numeric') }),
        v.strictObject({ column: name, encoding: v.literal('onehot'), categories: labels(1000) }),
      ]),
    ),
    v.maxLength(1000),
  ),
  targets: v.pipe(
    v.array(
      v.variant('kind', [
        v.strictObject({ column: name, kind: v.literal('regression') }),
        v.strictObject({ column: name, kind: v.literal('classification'), classes: labels(1000) }),
      ]),
    ),
    v.maxLength(64),
  ),
  missing: v.picklist(['drop', 'impute']),
});

const data = v.strictObject({
  kind: v.picklist(DATASETS),
  size: int(0, 10_000_000),
  noise: num(0, 1),
  valFraction: num(0, 1),
  seed: int(-(2 ** 31), 2 ** 32),
  scales: v.optional(v.pipe(v.array(num(0, 1e6)), v.maxLength(64))),
  correlation: v.optional(num(-1, 1)),
  csv: v.optional(csv),
});

const document = v.strictObject({
  format: v.literal(DESIGN_FORMAT),
  version: v.literal(DESIGN_VERSION),
  spec,
  config,
  data,
});

/** The JSON text of a design, tagged with format and version. */
export function serializeDesign(design: Design): string {
  return JSON.stringify({ format: DESIGN_FORMAT, version: DESIGN_VERSION, ...design });
}

export type ParseResult = { ok: true; design: Design } | { ok: false; message: string };

/** The first schema issue as "at <path>: <message>". */
function describeIssue(issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]): string {
  const issue = issues[0];
  return `at ${issuePlace(issue) ?? 'its top level'}: ${issue.message}`;
}

/**
 * The place of a problem as a path a reader can take apart: `spec.encoder.0.units`, with a key
 * that holds spaces or dots (a task's name) quoted, as in `config.lambdas["a b"]`.
 */
function issuePlace(issue: v.BaseIssue<unknown>): string | undefined {
  if (!issue.path?.length) return undefined;
  return issue.path
    .map(({ key }, i) => {
      const name = String(key);
      if (/^[A-Za-z_$][\w$]*$|^\d+$/.test(name)) return i === 0 ? name : `.${name}`;
      return `[${JSON.stringify(name)}]`;
    })
    .join('');
}

/**
 * Checks a model's design as an exported model file carries it, against the same schema as a
 * design file's `spec`. The object itself is returned (not the schema's copy): restoring weights
 * compares it with the run's design as JSON text, so its key order must stay as written.
 */
export function parseModelSpec(
  raw: unknown,
): { ok: true; spec: ModelSpec } | { ok: false; message: string } {
  const result = v.safeParse(spec, raw);
  return result.success
    ? { ok: true, spec: raw as ModelSpec }
    : { ok: false, message: `its design is invalid ${describeIssue(result.issues)}` };
}

/** Reads a saved design, refusing other formats, other versions, unknown fields and wrong types, with the place of the problem. */
export function parseDesign(text: string): ParseResult {
  // Refused before JSON.parse, which would hold the page for seconds on a huge text.
  const tooBig = sizeRefusal('This design', text.length, FILE_LIMITS.designBytes);
  if (tooBig) return { ok: false, message: tooBig };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This is not a design file: it is not valid JSON' };
  }
  if (
    typeof raw !== 'object' ||
    raw === null ||
    (raw as { format?: unknown }).format !== DESIGN_FORMAT
  ) {
    return {
      ok: false,
      message: `This is not an MTL Playground design (no "format": "${DESIGN_FORMAT}")`,
    };
  }
  const version = (raw as { version?: unknown }).version;
  if (version !== DESIGN_VERSION) {
    return {
      ok: false,
      message: `This design has version ${JSON.stringify(version)}; this app reads version ${DESIGN_VERSION}`,
    };
  }
  const result = v.safeParse(document, raw);
  if (!result.success)
    return { ok: false, message: `The design is invalid ${describeIssue(result.issues)}` };
  const { spec: s, config: c, data: d } = result.output;
  return { ok: true, design: { spec: s, config: c, data: d } };
}

/** A design as URL-safe base64 of its JSON, for a share link's `#design=` fragment. */
export function encodeDesignForUrl(design: Design): string {
  const bytes = new TextEncoder().encode(serializeDesign(design));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The inverse of {@link encodeDesignForUrl}; a damaged link gives a message, not an exception. */
export function decodeDesignFromUrl(encoded: string): ParseResult {
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return parseDesign(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, message: 'The shared link is damaged: its design could not be decoded' };
  }
}
