/**
 * Which saved runs this tab has open. A run is trained by one tab at a time: two tabs writing the
 * same run would interleave their curves and checkpoints in storage (each write is atomic, but
 * the record could then hold one tab's curves and the other tab's weights).
 */
export interface RunLocks {
  /** Takes the run for this tab; false when another tab has it. Taking a run held here is a no-op. */
  claim(id: string): Promise<boolean>;
  /** Lets other tabs open the run. */
  release(id: string): void;
  /** Whether another tab has the run open now. */
  heldElsewhere(id: string): Promise<boolean>;
}

const lockName = (id: string) => `mtl-playground:run:${id}`;

/**
 * Run locks over the Web Locks API: a lock lives until released or until its tab closes or
 * crashes, so a closed tab never leaves a run locked.
 */
export function webRunLocks(locks: LockManager): RunLocks {
  const held = new Map<string, () => void>();
  return {
    claim: (id) => {
      if (held.has(id)) return Promise.resolve(true);
      return new Promise<boolean>((answer) => {
        void locks.request(lockName(id), { ifAvailable: true }, (lock) => {
          if (!lock) {
            answer(false);
            return undefined;
          }
          answer(true);
          // The lock is held until this promise settles.
          return new Promise<void>((release) => held.set(id, release));
        });
      });
    },
    release: (id) => {
      held.get(id)?.();
      held.delete(id);
    },
    heldElsewhere: async (id) => {
      if (held.has(id)) return false;
      const state = await locks.query();
      return (state.held ?? []).some((lock) => lock.name === lockName(id));
    },
  };
}

/** Locks within one page only (tests, or browsers without Web Locks): nothing is held elsewhere. */
export function localRunLocks(): RunLocks {
  return {
    claim: () => Promise.resolve(true),
    release: () => undefined,
    heldElsewhere: () => Promise.resolve(false),
  };
}
