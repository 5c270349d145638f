import {
  decodeExperimentDraft,
  encodeExperimentDraft,
  type ExperimentDraft,
} from '../src/spec/experiment';
import type { ExperimentProgress } from './store/state';
import {
  decodeDesignFromUrl,
  encodeDesignForUrl,
  parseDesign,
  serializeDesign,
  type Design,
} from '../src/spec/serialize';

const STORAGE_KEY = 'mtl-playground:design';
const HASH_KEY = 'design=';
const EXPERIMENT_PARAM = 'experiment=';

/**
 * The design to start from: a shared link first, then the last session's design; and why either
 * was refused. A link may also carry the Experiment panel's settings (`&experiment=`).
 */
export function loadInitialDesign(): {
  design: Design | null;
  problem: string | null;
  experiment: ExperimentDraft | null;
} {
  const [first = '', ...rest] = window.location.hash.slice(1).split('&');
  if (first.startsWith(HASH_KEY)) {
    // The link has done its job once read: later edits persist through storage, not the URL.
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    const draft = rest.find((p) => p.startsWith(EXPERIMENT_PARAM));
    const experiment = draft ? decodeExperimentDraft(draft.slice(EXPERIMENT_PARAM.length)) : null;
    const shared = decodeDesignFromUrl(first.slice(HASH_KEY.length));
    if (shared.ok) return { design: shared.design, problem: null, experiment };
    return { design: stored(), problem: shared.message, experiment };
  }
  return { design: stored(), problem: null, experiment: null };
}

function stored(): Design | null {
  try {
    const text = window.localStorage.getItem(STORAGE_KEY);
    if (!text) return null;
    const parsed = parseDesign(text);
    return parsed.ok ? parsed.design : null;
  } catch {
    return null; // storage disabled or full: start from the default
  }
}

/** Remembers the design for the next visit; a full or disabled storage only loses that convenience. */
export function saveDesign(design: Design): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, serializeDesign(design));
  } catch {
    /* the design stays in memory */
  }
}

/** A link that reproduces the design exactly, and the Experiment panel's settings. */
export function shareLink(design: Design, experiment: ExperimentDraft): string {
  return `${window.location.origin}${window.location.pathname}#${HASH_KEY}${encodeDesignForUrl(design)}&${EXPERIMENT_PARAM}${encodeExperimentDraft(experiment)}`;
}

const EXPERIMENT_KEY = 'mtl-playground:experiment';

/** Remembers the experiment (definition, finished runs' numbers) so a reload can go on with it. */
export function saveExperiment(experiment: ExperimentProgress | null): void {
  try {
    if (experiment) window.localStorage.setItem(EXPERIMENT_KEY, JSON.stringify(experiment));
    else window.localStorage.removeItem(EXPERIMENT_KEY);
  } catch {
    /* the experiment stays in memory */
  }
}

/**
 * The experiment of the last visit, if any: one that was training comes back stopped (its run in
 * progress was cut off) and `interrupted`, for the app to resume. A damaged record is dropped.
 */
export function loadExperiment(): { experiment: ExperimentProgress; interrupted: boolean } | null {
  try {
    const text = window.localStorage.getItem(EXPERIMENT_KEY);
    if (!text) return null;
    const experiment = JSON.parse(text) as ExperimentProgress;
    const design = parseDesign(serializeDesign(experiment.spec.design));
    if (!design.ok || !Array.isArray(experiment.results) || !Array.isArray(experiment.spec.methods))
      return null;
    const interrupted = experiment.status === 'training' || experiment.status === 'baselines';
    return {
      experiment: {
        ...experiment,
        status: interrupted ? 'stopped' : experiment.status,
        runId: null,
      },
      interrupted,
    };
  } catch {
    return null;
  }
}
