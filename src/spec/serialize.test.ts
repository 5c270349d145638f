import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA, DEFAULT_MODEL, DEFAULT_TRAIN } from './defaults';
import { FILE_LIMITS } from './fileLimits';
import { PRESETS } from '../design/presets';
import { paramProblem, STRATEGY_PARAMS } from './weighting';
import {
  decodeDesignFromUrl,
  encodeDesignForUrl,
  parseDesign,
  serializeDesign,
  type Design,
} from './serialize';

const design: Design = { spec: DEFAULT_MODEL, config: DEFAULT_TRAIN, data: DEFAULT_DATA };
const tamper = (edit: (doc: Record<string, unknown>) => void): string => {
  const doc = JSON.parse(serializeDesign(design));
  edit(doc);
  return JSON.stringify(doc);
};

describe('design serialization', () => {
  it.each(PRESETS.map((p) => [p.label, p] as const))(
    'round-trips %s through JSON and a URL exactly',
    (_label, p) => {
      const d: Design = {
        spec: p.spec,
        config: { ...p.config, maxSteps: null, lambdas: { ...p.config.lambdas } },
        data: p.data,
      };
      expect(parseDesign(serializeDesign(d))).toEqual({ ok: true, design: d });
      const encoded = encodeDesignForUrl(d);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeDesignFromUrl(encoded)).toEqual({ ok: true, design: d });
    },
  );

  it('refuses a design text over the size limit before parsing it', () => {
    const padded = serializeDesign(design).replace(
      '{',
      `{"pad":"${'x'.repeat(FILE_LIMITS.designBytes)}",`,
    );
    expect(parseDesign(padded)).toEqual({
      ok: false,
      message: 'This design is 4.1 MB; files up to 4.0 MB can be read here',
    });
  });

  it('keeps non-ASCII task names intact through a URL', () => {
    const d = {
      ...design,
      config: { ...DEFAULT_TRAIN, lambdas: { circle: 1, wave: 1, größe: 2 } },
    };
    expect(decodeDesignFromUrl(encodeDesignForUrl(d))).toEqual({ ok: true, design: d });
  });

  it.each([
    ['not JSON', '{oops', 'This is not a design file: it is not valid JSON'],
    [
      'another format',
      '{"format":"keras"}',
      'This is not an MTL Playground design (no "format": "mtl-playground-design")',
    ],
    [
      'a future version',
      tamper((d) => (d.version = 2)),
      'This design has version 2; this app reads version 1',
    ],
    [
      'an unknown field',
      tamper((d) => ((d.spec as Record<string, unknown>).extra = 1)),
      'The design is invalid at spec.extra:',
    ],
    [
      'a wrong type',
      tamper((d) => ((d.spec as { encoder: { units: unknown }[] }).encoder[0]!.units = '16')),
      'The design is invalid at spec.encoder.0.units:',
    ],
    [
      'an absurd size',
      tamper((d) => ((d.spec as { encoder: { units: unknown }[] }).encoder[0]!.units = 1e9)),
      'The design is invalid at spec.encoder.0.units:',
    ],
    [
      'an unknown layer',
      tamper((d) => ((d.spec as { encoder: unknown[] }).encoder[0] = { type: 'magic' })),
      'The design is invalid at spec.encoder.0.type:',
    ],
    [
      'a negative weight for a task whose name has a space',
      tamper((d) => ((d.config as { lambdas: Record<string, number> }).lambdas['a b'] = -1)),
      'The design is invalid at config.lambdas["a b"]:',
    ],
  ])('refuses %s with a clear message', (_label, text, message) => {
    const result = parseDesign(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });

  it('refuses a damaged link', () => {
    expect(decodeDesignFromUrl('%%%')).toEqual({
      ok: false,
      message: 'The shared link is damaged: its design could not be decoded',
    });
  });
});

describe('strategy hyper-parameters', () => {
  it('take their defaults where a design was saved before its strategy existed', () => {
    const text = tamper((d) => {
      const weighting = (d.config as { weighting: Record<string, unknown> }).weighting;
      delete weighting.cagradC;
    });
    const parsed = parseDesign(text);
    expect(parsed.ok && parsed.design.config.weighting.cagradC).toBe(
      STRATEGY_PARAMS.cagradC.default,
    );
  });

  it('are refused out of range with the parameter named and the range stated', () => {
    expect(paramProblem('cagradC', 10)).toBe('CAGrad c must be from 0 to below 10, got 10');
    expect(paramProblem('dwaTemperature', 0)).toBe(
      'DWA temperature must be above 0 and at most 100, got 0',
    );
    expect(paramProblem('dwaWindow', 2.5)).toBe(
      'DWA window (steps) must be a whole number from 1 to 1000000, got 2.5',
    );
    expect(paramProblem('gradnormAlpha', 1.5)).toBeNull();
  });
});
