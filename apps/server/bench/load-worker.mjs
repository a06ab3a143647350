// Load generator for scim-bench.ts, in a worker thread so it does not share the event
// loop with the servers it measures. Loopback only; stops at the deadline.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { urls, headers, durationMs, concurrency } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const latencies = [];
let errors = 0;
const started = Date.now();
const deadline = started + durationMs;

function once(url) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const req = request(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => {
        latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
        if (res.statusCode !== 200) errors++;
        resolve();
      });
    });
    req.on('error', () => {
      errors++;
      resolve();
    });
    req.end();
  });
}

async function loop(offset) {
  for (let i = offset; Date.now() < deadline; i += concurrency) await once(urls[i % urls.length]);
}

await Promise.all(Array.from({ length: concurrency }, (_, i) => loop(i)));
// In-flight requests finish after the deadline: rate over the real elapsed time.
const elapsed = (Date.now() - started) / 1000;
agent.destroy();
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
parentPort.postMessage({ requests: latencies.length, errors, rps: latencies.length / elapsed, elapsed, p50: at(0.5), p99: at(0.99) });
