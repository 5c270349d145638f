import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  INSIGHT_VIEWS,
  insightUnavailable,
  NO_INSIGHTS,
  type InsightRequest,
  type InsightView,
} from '../../../src/train/insights/views';
import type { SaliencyMethod } from '../../../src/train/insights/saliency';
import { useApp, type AppState } from '../../store';
import { InlineSelect } from '../InlineSelect';
import { NumberField } from '../NumberField';
import { AttentionView } from './AttentionView';
import { AttributionView } from './AttributionView';
import { GatesView } from './GatesView';
import { RepresentationView } from './RepresentationView';
import { SaliencyView } from './SaliencyView';

const selectWhy = (s: AppState) => ({
  spec: s.spec,
  insights: s.run.insights,
  gateHistory: s.run.gateHistory,
  runId: s.run.runId,
  watchInsights: s.watchInsights,
});

const TITLES: Record<InsightView, string> = {
  saliency: 'Saliency',
  attribution: 'Feature attribution',
  representation: 'Shared representation',
  gates: 'Gates',
  attention: 'Attention',
};

/** One view: a region that opens on demand, and says why when it does not apply. */
function WhyRegion({
  view,
  open,
  onToggle,
  reason,
  waiting,
  children,
}: {
  view: InsightView;
  open: boolean;
  onToggle(open: boolean): void;
  reason: string | null;
  waiting: boolean;
  children?: ReactNode;
}) {
  return (
    <section className="why-view" aria-label={TITLES[view]}>
      <details open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
        <summary>{TITLES[view]}</summary>
        {reason ? (
          <p className="muted" data-testid={`why-${view}-unavailable`}>
            {reason}
          </p>
        ) : waiting ? (
          <p className="muted">Computed after the first step: press Step or Train.</p>
        ) : (
          children
        )}
      </details>
    </section>
  );
}

/**
 * Why the model does what it does: per-task saliency and feature attribution, the shared
 * representation, gates and attention. The worker computes a view only while it is open.
 */
export function WhyPanel() {
  const { spec, insights, gateHistory, runId, watchInsights } = useApp(selectWhy);
  const [open, setOpen] = useState<Record<InsightView, boolean>>({
    saliency: false,
    attribution: false,
    representation: false,
    gates: false,
    attention: false,
  });
  const [method, setMethod] = useState<SaliencyMethod>('gradientInput');
  const [first, setFirst] = useState(0);
  const [task, setTask] = useState(0);
  const [example, setExample] = useState(0);
  // Each reason infers the design's shapes: once per design, not on every render.
  const reasons = useMemo(
    () => Object.fromEntries(INSIGHT_VIEWS.map((v) => [v, insightUnavailable(v, spec)])),
    [spec],
  ) as Record<InsightView, string | null>;
  const reason = (view: InsightView) => reasons[view];
  /** A 1-based field for a 0-based index (which image, which sequence). */
  const ordinal = (label: string, value: number, set: (index: number) => void) => (
    <NumberField
      label={label}
      value={value + 1}
      min={1}
      step={1}
      onValue={(n) => set(Number.isInteger(n) && n > 0 ? n - 1 : 0)}
    />
  );
  const shown = (view: InsightView) => open[view] && reason(view) === null;
  const request: InsightRequest = {
    saliency: shown('saliency') ? { method, first } : null,
    attribution: shown('attribution'),
    representation: shown('representation') ? { task } : null,
    gates: shown('gates'),
    attention: shown('attention') ? { example } : null,
  };
  const key = JSON.stringify(request);
  useEffect(() => {
    watchInsights(JSON.parse(key) as InsightRequest);
  }, [key, watchInsights]);
  useEffect(() => () => watchInsights(NO_INSIGHTS), [watchInsights]);
  const views = insights?.views ?? {};
  const step = insights?.step ?? 0;
  const region = (view: InsightView, body: ReactNode, controls?: ReactNode) => (
    <WhyRegion
      view={view}
      open={open[view]}
      onToggle={(o) => setOpen((prev) => (prev[view] === o ? prev : { ...prev, [view]: o }))}
      reason={reason(view)}
      waiting={!runId || !body}
    >
      {controls}
      {body}
    </WhyRegion>
  );
  const names = spec.tasks.map((t) => t.name);
  return (
    <section className="panel why" aria-label="Why">
      <h2>Why</h2>
      <p className="muted">
        What each task looks at, what the tasks share, where gates and attention go, for the current
        weights. Open a view to compute it; closed views cost nothing.
      </p>
      {region(
        'saliency',
        views.saliency && <SaliencyView view={views.saliency} tasks={spec.tasks} step={step} />,
        <>
          <InlineSelect<SaliencyMethod>
            label="Saliency method"
            value={method}
            options={[
              { value: 'gradientInput', label: 'Gradient × input' },
              { value: 'integrated', label: 'Integrated gradients (16 steps)' },
            ]}
            onChange={setMethod}
          />
          {ordinal('First image', first, setFirst)}
        </>,
      )}
      {region(
        'attribution',
        views.attribution && <AttributionView view={views.attribution} tasks={names} step={step} />,
      )}
      {region(
        'representation',
        views.representation && (
          <RepresentationView view={views.representation} tasks={spec.tasks} step={step} />
        ),
        views.representation?.task !== null && spec.tasks.length > 1 ? (
          <InlineSelect<number>
            label="Input of task"
            value={task}
            options={names.map((n, i) => ({ value: i, label: n }))}
            onChange={setTask}
          />
        ) : null,
      )}
      {region(
        'gates',
        views.gates && <GatesView gates={views.gates} step={step} history={gateHistory} />,
      )}
      {region(
        'attention',
        views.attention && <AttentionView view={views.attention} step={step} />,
        ordinal('Validation sequence', example, setExample),
      )}
    </section>
  );
}
