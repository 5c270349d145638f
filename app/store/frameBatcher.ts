/**
 * Collects items and hands them over together once per animation frame: worker messages arrive
 * up to ~10 per second per stream, and applying each one re-rendered the page; a frame's worth
 * at once costs one store update and one render.
 */
export function createFrameBatcher<T>(
  apply: (items: T[]) => void,
  schedule: (callback: () => void) => void = (callback) => requestAnimationFrame(() => callback()),
): (item: T) => void {
  let pending: T[] = [];
  return (item) => {
    pending.push(item);
    if (pending.length > 1) return; // already scheduled
    schedule(() => {
      const items = pending;
      pending = [];
      apply(items);
    });
  };
}
