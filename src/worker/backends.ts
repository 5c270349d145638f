import * as tf from '@tensorflow/tfjs';
import { BACKENDS, type BackendChoice, type BackendName, type BackendTiming } from './protocol';
import { messageOf } from './stepPolicy';

/** The backend that is actually running, and why faster ones were passed over. */
export interface BackendReport {
  backend: BackendName;
  requested: BackendChoice;
  adapter?: string;
  fallbackReason?: string;
  /** Auto's measurement of every backend on the current design, when it ran one. */
  timings?: BackendTiming[];
}

/** The slice of the WebGPU API we read; typed here because the engine's lib has no WebGPU types. */
interface GpuLike {
  requestAdapter(): Promise<{
    info?: { vendor?: string; architecture?: string; description?: string };
  } | null>;
}

function gpu(): GpuLike | undefined {
  return (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
}

async function webgpuAdapter(): Promise<{ adapter?: string; problem?: string }> {
  const api = gpu();
  if (!api) return { problem: 'this browser has no WebGPU (navigator.gpu is missing)' };
  const adapter = await api.requestAdapter();
  if (!adapter) return { problem: 'the browser offers no WebGPU adapter' };
  const info = adapter.info ?? {};
  const name = [info.vendor, info.architecture || info.description].filter(Boolean).join(' ');
  return { adapter: name || 'unknown adapter' };
}

/** The slice of WebGL we read to name the renderer. */
interface GlLike {
  RENDERER: number;
  getExtension(name: string): { UNMASKED_RENDERER_WEBGL: number } | null;
  getParameter(name: number): unknown;
}

/** The WebGL renderer's name (e.g. "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device …))"), if any. */
function webglRenderer(): string | undefined {
  const Canvas = (
    globalThis as {
      OffscreenCanvas?: new (w: number, h: number) => { getContext(kind: string): unknown };
    }
  ).OffscreenCanvas;
  if (!Canvas) return undefined;
  try {
    const gl = new Canvas(1, 1).getContext('webgl2') as GlLike | null;
    if (!gl) return undefined;
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  } catch {
    return undefined;
  }
}

/**
 * GPUs a browser emulates on the CPU (Chrome's SwiftShader, Mesa's llvmpipe, Windows' Basic
 * Render Driver): far slower than wasm for training, and their first steps compile shaders for
 * seconds. Their adapter or renderer names say so.
 */
export const isSoftwareGpu = (name: string): boolean =>
  /swiftshader|llvmpipe|lavapipe|softpipe|basic render|software/i.test(name);

/**
 * Why Auto should pass over a GPU backend without starting it: no adapter, or one that only
 * emulates a GPU. Null where the GPU is real (or cannot be named, as for WebGL without a
 * renderer string); `adapter` names it.
 */
export async function gpuSkipReason(
  name: 'webgpu' | 'webgl',
): Promise<{ skip: string | null; adapter?: string }> {
  if (!tf.findBackendFactory(name)) return { skip: 'not included in this build' };
  const probe =
    name === 'webgpu' ? await webgpuAdapter() : { adapter: webglRenderer(), problem: undefined };
  if (probe.problem) return { skip: probe.problem };
  if (probe.adapter && isSoftwareGpu(probe.adapter))
    return {
      skip: `software GPU (${probe.adapter}): slower than wasm here; pick ${name} by hand to use it`,
      adapter: probe.adapter,
    };
  return { skip: null, adapter: probe.adapter };
}

/**
 * How many threads the active wasm backend computes with, as the backend readout shows it. More
 * than one needs the page cross-origin isolated (SharedArrayBuffer). Read from the backend
 * object, since importing tf.js's wasm package here would pull it into the Node tests.
 */
function wasmThreads(): string | undefined {
  const wasm = (tf.backend() as { wasm?: { tfjs?: { getThreadsCount?: () => number } } }).wasm;
  const threads = wasm?.tfjs?.getThreadsCount?.();
  if (threads === undefined) return undefined;
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  return threads > 1
    ? `${threads} threads`
    : `1 thread${isolated ? '' : ', page not cross-origin isolated'}`;
}

/** Longest a backend may take to initialize before it counts as not working. */
const INIT_TIMEOUT_MS = 15_000;

/** The promise's value, or a rejection saying it took longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not initialize within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Activates one backend and proves it computes; returns why not, or null when it works. */
export async function tryBackend(
  name: BackendName,
): Promise<{ problem: string | null; adapter?: string }> {
  if (!tf.findBackendFactory(name)) return { problem: 'not included in this build' };
  let adapter: string | undefined;
  if (name === 'webgpu') {
    const probe = await webgpuAdapter();
    if (probe.problem) return { problem: probe.problem };
    adapter = probe.adapter;
  }
  try {
    // setBackend answers false, and silently keeps another backend, when initialization fails;
    // and it can hang (tf.js's threaded wasm did, when its thread workers failed to start).
    const ok = await withTimeout(tf.setBackend(name), INIT_TIMEOUT_MS);
    if (!ok || tf.getBackend() !== name) return { problem: 'failed to initialize' };
    const probe = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)));
    const [value] = await probe.data();
    probe.dispose();
    if (value !== 3) return { problem: 'computed a wrong result' };
  } catch (e) {
    return { problem: messageOf(e) };
  }
  if (name === 'wasm') adapter = wasmThreads();
  return { problem: null, adapter };
}

/**
 * Switches tf.js to the requested backend, or to the next one in the order webgpu → webgl →
 * wasm → cpu that works, and says why any faster one was skipped.
 */
export async function selectBackend(choice: BackendChoice): Promise<BackendReport> {
  const order: BackendName[] =
    choice === 'auto' ? [...BACKENDS] : [choice, ...BACKENDS.filter((b) => b !== choice)];
  const reasons: string[] = [];
  for (const name of order) {
    const { problem, adapter } = await tryBackend(name);
    if (problem === null) {
      const report: BackendReport = { backend: name, requested: choice };
      if (adapter) report.adapter = adapter;
      if (reasons.length > 0) report.fallbackReason = reasons.join('; ');
      return report;
    }
    reasons.push(`${name}: ${problem}`);
  }
  throw new Error(`No tf.js backend works here (${reasons.join('; ')})`);
}

interface LostInfo {
  message?: string;
}

/** The active WebGPU device's `lost` promise, or null on other backends. */
function deviceLost(): Promise<LostInfo> | null {
  if (tf.getBackend() !== 'webgpu') return null;
  const device = (tf.backend() as unknown as { device?: { lost?: Promise<LostInfo> } }).device;
  return device?.lost ?? null;
}

const lostReason = (info: LostInfo): string =>
  `The GPU device was lost: ${info.message || 'no reason given'}`;

/** tf.js never listens for a lost WebGPU device; we do, so a lost GPU is reported, not a hang. */
export function onDeviceLost(report: (message: string) => void): void {
  void deviceLost()?.then((info) => report(lostReason(info)));
}

/**
 * Why the GPU device is gone, if it is lost within `ms`; null otherwise (and on other backends).
 * An operation in flight when the device goes fails with its own error (a readback: "Buffer was
 * unmapped before mapping was resolved") a moment before `device.lost` settles: asking this
 * after such an error tells a lost device from a plain failure.
 */
export async function deviceLostWithin(ms: number): Promise<string | null> {
  const lost = deviceLost();
  if (!lost) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  const info = await Promise.race([lost, late]);
  clearTimeout(timer);
  return info ? lostReason(info) : null;
}
