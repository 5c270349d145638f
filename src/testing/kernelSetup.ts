/** Vitest setup: every test trains with the engine's kernel overrides, as the app does. */
import { registerKernelOverrides } from '../kernels/registry';

registerKernelOverrides();
