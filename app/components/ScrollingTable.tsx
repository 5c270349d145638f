import type { ReactNode } from 'react';

/**
 * A wide table in a box that scrolls sideways. The box takes keyboard focus, so people who do
 * not use a mouse can scroll it with the arrow keys; its name says what it holds.
 */
export function ScrollingTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
