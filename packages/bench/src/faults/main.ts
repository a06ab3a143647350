/**
 * `pnpm faults [--quick] [scenario…]`: real server replicas and workers on the test services,
 * each fault injected under a steady Okta-style load, one line of figures per scenario (see
 * docs/operations.md, "Faults and recovery"). Loopback only; every load is bounded in rate and time.
 */
import { parseFaultArgs, USAGE } from './args.ts';
import { runFaults } from './run.ts';

if (process.argv.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const args = parseFaultArgs(process.argv.slice(2));
const started = performance.now();
const log = (line: string) => console.error(`[faults ${((performance.now() - started) / 1000).toFixed(0)} s] ${line}`);
const results = await runFaults(args, (line) => console.log(line), log);
const failed = results.filter((r) => r.failures.length);
console.log(
  `${results.length - failed.length} of ${results.length} scenarios passed in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
process.exit(failed.length ? 1 : 0);
