import { createRng, deriveSeed } from '../../data/random';
import type { WeightingSettings } from '../../spec/weighting';
import { alignedWeighting } from './alignedMtl';
import { cagradWeighting } from './cagrad';
import { dwaWeights } from './dwa';
import { equalWeights } from './equal';
import { dbMtlWeighting } from './dbMtl';
import { excessMtlWeighting } from './excessMtl';
import { fairGradWeighting } from './fairGrad';
import { gradDropWeighting } from './gradDrop';
import { mocoWeighting } from './moco';
import { modoWeighting } from './modo';
import { sdmgradWeighting } from './sdmgrad';
import { stchWeighting } from './stch';
import { famoWeighting } from './famo';
import { glsWeights } from './gls';
import { gradvacWeighting } from './gradvac';
import { gradnormWeighting } from './gradnorm';
import { imtlWeighting } from './imtl';
import { mgdaWeighting } from './mgda';
import { nashWeighting } from './nashMtl';
import { pcgradWeighting } from './pcgrad';
import { RLW_DISTRIBUTIONS, rlwWeights } from './rlw';
import { staticLambda } from './staticLambda';
import type { Weighting } from './types';
import { uncertaintyWeights } from './uncertainty';
import { upgradWeighting } from './upgrad';

export type { GradientWeighting, GramWeighting, LossWeighting, Weighting } from './types';

/** What a strategy needs to know about the run it serves. */
export interface WeightingContext {
  tasks: number;
  seed: number;
  learningRate: number;
  /** Whether gradients at the shared representation exist (hard sharing with one encoder). */
  representation: boolean;
}

/** A fresh instance of the chosen strategy. */
export function createWeighting(settings: WeightingSettings, context: WeightingContext): Weighting {
  const rng = () => createRng(deriveSeed(context.seed, 7));
  const level = context.representation ? 'representation' : 'parameters';
  switch (settings.strategy) {
    case 'static':
      return staticLambda();
    case 'equal':
      return equalWeights();
    case 'uncertainty':
      return uncertaintyWeights(context.tasks, settings.uwInitLogVariance);
    case 'dwa':
      return dwaWeights(settings.dwaWindow, settings.dwaTemperature);
    case 'rlw':
      return rlwWeights(
        rng(),
        RLW_DISTRIBUTIONS[settings.rlwDistribution]!,
        settings.rlwScale === 1,
      );
    case 'gradnorm':
      return gradnormWeighting(
        context.tasks,
        settings.gradnormAlpha,
        context.learningRate,
        level,
        settings.gradnormRule === 1 ? 'softmax' : 'direct',
      );
    case 'mgda':
      return mgdaWeighting(level, settings.mgdaNormalization);
    case 'pcgrad':
      return pcgradWeighting(rng(), {
        randomOrder: settings.pcgradOrder === 0,
        mean: settings.pcgradReduction === 1,
      });
    case 'cagrad':
      return cagradWeighting(settings.cagradC, settings.cagradRescale);
    case 'gls':
      return glsWeights();
    case 'imtl':
      return imtlWeighting(level);
    case 'aligned':
      return alignedWeighting(level);
    case 'nash':
      return nashWeighting();
    case 'fairgrad':
      return fairGradWeighting(settings.fairgradAlpha);
    case 'upgrad':
      return upgradWeighting();
    case 'famo':
      return famoWeighting(context.tasks, settings.famoBeta, settings.famoGamma);
    case 'stch':
      return stchWeighting(settings.stchMu, settings.stchWarmup);
    case 'graddrop':
      return gradDropWeighting(level, rng());
    case 'dbmtl':
      return dbMtlWeighting(settings.dbmtlBeta, settings.dbmtlSigma);
    case 'moco':
      return mocoWeighting(settings.mocoBeta, settings.mocoGamma, settings.mocoRho);
    case 'excess':
      return excessMtlWeighting(settings.excessStep);
    case 'modo':
      return modoWeighting(settings.modoGamma, settings.modoRho);
    case 'sdmgrad':
      return sdmgradWeighting(settings.sdmgradOmega, settings.sdmgradGamma, 0);
    case 'gradvac':
      return gradvacWeighting(settings.gradvacBeta, rng());
  }
}
