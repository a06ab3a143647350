import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { renderMetrics } from './render-metrics.ts';

function populated() {
  const registry = new Registry();
  const counter = new Counter({ name: 'a_total', help: 'A', labelNames: ['route'], registers: [registry] });
  const histogram = new Histogram({ name: 'b_seconds', help: 'B', labelNames: ['route'], registers: [registry] });
  new Counter({ name: 'c_total', help: 'C, never counted', registers: [registry] });
  counter.inc({ route: '/x' });
  counter.inc({ route: '/y' }, 3);
  histogram.observe({ route: '/x' }, 0.2);
  return registry;
}

describe('renderMetrics', () => {
  it('renders the same text as registry.metrics()', async () => {
    const registry = populated();
    expect(await renderMetrics(registry)).toBe(await registry.metrics());
  });

  it('lets the event loop run while it renders', async () => {
    const order: string[] = [];
    const rendered = renderMetrics(populated()).then(() => order.push('rendered'));
    setImmediate(() => order.push('loop ran'));
    await rendered;
    expect(order).toEqual(['loop ran', 'rendered']);
  });
});
