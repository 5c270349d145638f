/**
 * Where the page's main thread spends a training run: builds nothing (run `vite build` first),
 * serves dist/ with `vite preview`, trains the default example "until paused" for `warm` seconds,
 * then records a CPU profile of the page for `seconds` and prints self time by function (minified
 * names: read them with the source map, or compare before/after a change).
 *   npx tsx scripts/bench/profile.ts [warm=100] [seconds=20]
 */
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium';

const warm = Number(process.argv[2] ?? 100);
const seconds = Number(process.argv[3] ?? 20);
const server = await preview({ preview: { host: '127.0.0.1', port: 4177, strictPort: true } });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
await page.goto('http://127.0.0.1:4177');
await page.getByTestId('backend').filter({ hasNotText: '…' }).waitFor();
await page.getByRole('checkbox', { name: 'Until paused' }).check();
await page.getByRole('button', { name: 'Train', exact: true }).click();
await page.waitForTimeout(warm * 1000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
await cdp.send('Profiler.start');
await page.waitForTimeout(seconds * 1000);
const { profile } = (await cdp.send('Profiler.stop')) as {
  profile: {
    nodes: {
      id: number;
      callFrame: { functionName: string; url: string; lineNumber: number };
      hitCount?: number;
    }[];
    samples: number[];
    timeDeltas: number[];
  };
};
const self = new Map<number, number>();
profile.samples.forEach((id, i) =>
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
);
const byName = new Map<string, number>();
let total = 0;
for (const n of profile.nodes) {
  const t = self.get(n.id) ?? 0;
  total += t;
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  byName.set(key, (byName.get(key) ?? 0) + t);
}
console.log(
  'step',
  await page.getByTestId('step').textContent(),
  'total ms',
  Math.round(total / 1000),
);
[...byName]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 25)
  .forEach(([k, t]) => console.log(Math.round(t / 1000), k));
await browser.close();
server.httpServer.close();
