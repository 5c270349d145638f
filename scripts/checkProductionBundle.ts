/**
 * Checks the production build in dist/ (run `vite build` first; `npm run test:bundle` does both):
 * the page's JavaScript stays under 250 KB gzip (tf.js loads only in the worker), test-only fault
 * injection is absent, and neither our code nor the libraries call eval or new Function (the
 * Content-Security-Policy forbids them). Exits 1 with the reasons.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const MAIN_BUDGET_KB = 250;
const assets = join('dist', 'assets');
const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
const problems: string[] = [];
const index = readFileSync(join('dist', 'index.html'), 'utf8');

for (const file of scripts) {
  const text = readFileSync(join(assets, file), 'utf8');
  const kb = gzipSync(text).length / 1024;
  const loadedByPage = index.includes(file);
  console.log(`${file}: ${kb.toFixed(1)} KB gzip${loadedByPage ? ' (page entry)' : ''}`);
  if (loadedByPage && kb > MAIN_BUDGET_KB)
    problems.push(`${file} is ${kb.toFixed(1)} KB gzip, over the ${MAIN_BUDGET_KB} KB budget`);
  if (/Injected fault|injectFault\(/.test(text))
    problems.push(`${file} contains test-only fault injection`);
  if (/\beval\(|new Function\(/.test(text)) problems.push(`${file} calls eval or new Function`);
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`production bundle ok: ${scripts.length} scripts`);
