/**
 * Summarises a `--cpu-prof` profile written under profile-requests.ts: for one phase's window
 * (its `windows-<pid>.json`), sampled ms per request by package and by function, self and
 * inclusive (a function counted once per sample however deep it recurs).
 *
 *   tsx src/profile-summary.ts <file.cpuprofile> <windows.json> "<phase>" [rows]
 */
import { readFileSync } from 'node:fs';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; startTime: number; samples: number[]; timeDeltas: number[] };
type Window = { type: string; from: number; to: number; requests: number };

const [file = '', windowsFile = '', phase = 'GET filter userName eq', rowsArg = '25'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const window = (JSON.parse(readFileSync(windowsFile, 'utf8')) as Window[]).find((w) => w.type === phase);
if (!window) throw new Error(`no window ${phase}`);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** `node_modules/.pnpm/x@1/node_modules/x/…` → `x`; our sources → `ours`. */
function packageOf(url: string): string {
  const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m?.[1]) return m[1];
  if (url.startsWith('node:')) return 'node:internal';
  if (url.includes('/apps/') || url.includes('/packages/')) return 'ours';
  return url ? 'other' : '(native)';
}
const shortUrl = (url: string) => url.replace(/^.*node_modules\//, 'nm:').replace(/^file:\/\/\/work\/wt\/[^/]+\//, '');
const frameKey = (n: Node) =>
  `${n.callFrame.functionName || '(anon)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const packages = new Map<string, number>();
const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
let t = profile.startTime;
let total = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  t += delta;
  if (t < window.from || t > window.to) return;
  const ms = delta / 1000;
  total += ms;
  const node = byId.get(id);
  if (!node) return;
  add(self, frameKey(node), ms);
  add(
    packages,
    packageOf(node.callFrame.url) === '(native)' ? node.callFrame.functionName : packageOf(node.callFrame.url),
    ms,
  );
  const seen = new Set<string>();
  for (let n: Node | undefined = node; n; n = byId.get(parent.get(n.id) ?? -1)) {
    const key = frameKey(n);
    if (!seen.has(key)) add(inclusive, key, ms);
    seen.add(key);
  }
});

const rows = Number(rowsArg);
const perRequest = (ms: number) => (ms / window.requests).toFixed(3);
const top = (map: Map<string, number>) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .map(([k, ms]) => `${perRequest(ms).padStart(7)}  ${k}`);
console.log(`${phase}: ${window.requests} requests, ${total.toFixed(0)} ms sampled, ${perRequest(total)} ms/request`);
console.log('\nby package (self ms/request)');
console.log(top(packages).join('\n'));
console.log('\nself ms/request');
console.log(top(self).join('\n'));
console.log('\ninclusive ms/request');
console.log(top(inclusive).join('\n'));
