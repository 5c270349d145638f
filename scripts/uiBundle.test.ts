import { readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, resolve, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Modules the UI imports at run time (type-only imports vanish at build time). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of source.matchAll(/^import\s+(?!type\s)([^'"]*?)\s*from\s+['"]([^'"]+)['"]/gms)) {
    const names = m[1]!.trim();
    // `import { type A, type B } from` is type-only too.
    if (
      /^\{[^}]*\}$/.test(names) &&
      names
        .slice(1, -1)
        .split(',')
        .every((n: string) => /^\s*type\s/.test(n) || !n.trim())
    )
      continue;
    found.push(m[2]!);
  }
  return found;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const ext of ['', '.ts', '.tsx', '/index.ts'])
    if (existsSync(base + ext) && statSync(base + ext).isFile()) return base + ext;
  return null;
}

describe('the UI bundle', () => {
  it('never imports tf.js: training lives in the worker, the page stays small', () => {
    const entry = resolve('app/main.tsx');
    const parent = new Map<string, string | null>([[entry, null]]);
    const queue = [entry];
    const offenders: string[] = [];
    while (queue.length) {
      const file = queue.shift()!;
      for (const spec of runtimeImports(file)) {
        if (spec.startsWith('@tensorflow/')) {
          const chain = [];
          for (let f: string | null | undefined = file; f; f = parent.get(f))
            chain.push(relative('.', f));
          offenders.push(`${spec} <- ${chain.join(' <- ')}`);
        }
        if (!spec.startsWith('.')) continue;
        const next = resolveLocal(file, spec);
        if (next && !parent.has(next)) {
          parent.set(next, file);
          queue.push(next);
        }
      }
    }
    expect(parent.size).toBeGreaterThan(20); // the walk really followed the UI's imports
    expect(offenders).toEqual([]);
  });
});
