import { openDB } from 'idb';
import type { AutoPick } from './autoBackend';

/** Auto's picks by design shape, kept across reloads where the browser lets us. */
export interface BackendMemory {
  get(key: string): Promise<AutoPick | undefined>;
  set(key: string, pick: AutoPick): Promise<void>;
}

const DB = 'mtl-playground-backends';
const STORE = 'picks';

/** Picks held for this worker's life only (Node, or a browser that refuses IndexedDB). */
export function memoryOnly(): BackendMemory {
  const picks = new Map<string, AutoPick>();
  return {
    get: async (key) => picks.get(key),
    set: async (key, pick) => void picks.set(key, pick),
  };
}

/**
 * Picks in IndexedDB (workers have it), so a reload trains at once on what Auto measured before.
 * Any failure of the database (private browsing, quota) leaves the picks in memory instead: a
 * lost measurement costs one second, never a run.
 */
export function lastingMemory(): BackendMemory {
  const fallback = memoryOnly();
  if (typeof indexedDB === 'undefined') return fallback;
  const db = openDB(DB, 1, { upgrade: (d) => void d.createObjectStore(STORE) }).catch(() => null);
  return {
    get: async (key) => {
      const found = await fallback.get(key);
      if (found) return found;
      const stored = (await (await db)?.get(STORE, key).catch(() => undefined)) as
        AutoPick | undefined;
      if (stored) await fallback.set(key, stored);
      return stored;
    },
    set: async (key, pick) => {
      await fallback.set(key, pick);
      await (await db)?.put(STORE, pick, key).catch(() => undefined);
    },
  };
}
