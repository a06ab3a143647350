import { describe, expect, it } from 'vitest';
import { histogramBuckets, histogramTotals, meanBetween, quantileBetween, routeKey } from './prom-text.ts';

const text = (sum: number, count: number) => `# HELP provisio_request_db_round_trips Database commands sent per request
# TYPE provisio_request_db_round_trips histogram
provisio_request_db_round_trips_bucket{le="1",method="GET",route="/scim/v2/Users/:id"} 0
provisio_request_db_round_trips_sum{method="GET",route="/scim/v2/Users/:id"} ${sum}
provisio_request_db_round_trips_count{method="GET",route="/scim/v2/Users/:id"} ${count}
provisio_request_redis_commands_sum{method="GET",route="/scim/v2/Users/:id"} 999
`;

describe('histogramTotals', () => {
  it('reads the sum and count of one histogram per method and route', () => {
    expect(
      histogramTotals(text(12, 3), 'provisio_request_db_round_trips').get(routeKey('GET', '/scim/v2/Users/:id')),
    ).toEqual({ sum: 12, count: 3 });
  });

  it('gives the mean per request between two readings', () => {
    const key = routeKey('GET', '/scim/v2/Users/:id');
    const name = 'provisio_request_db_round_trips';
    expect(meanBetween(histogramTotals(text(12, 3), name), histogramTotals(text(32, 7), name), key)).toBe(5);
    expect(meanBetween(histogramTotals(text(12, 3), name), histogramTotals(text(12, 3), name), key)).toBeNaN();
  });
});

describe('quantileBetween', () => {
  const latency = (fast: number, slow: number, failed: number) => `# TYPE d histogram
d_bucket{le="0.1",method="GET",route="/a",status="200"} ${fast}
d_bucket{le="1",method="GET",route="/a",status="200"} ${fast + slow}
d_bucket{le="+Inf",method="GET",route="/a",status="200"} ${fast + slow}
d_bucket{le="0.1",method="GET",route="/a",status="429"} ${failed}
d_bucket{le="1",method="GET",route="/a",status="429"} ${failed}
d_bucket{le="+Inf",method="GET",route="/a",status="429"} ${failed}
d_sum{method="GET",route="/a",status="200"} 0`;
  const ok = (labels: Record<string, string>) => labels['status'] === '200';

  it('gives the bucket bound the quantile falls in, between two readings, over the kept label sets', () => {
    const before = histogramBuckets(latency(10, 0, 5), 'd', ok);
    // In between: 95 fast and 5 slow answers 200, and 1000 fast 429s that are not kept.
    const after = histogramBuckets(latency(105, 5, 1005), 'd', ok);
    expect(quantileBetween(before, after, 0.5)).toBe(0.1);
    expect(quantileBetween(before, after, 0.99)).toBe(1);
  });

  it('is Infinity above the last bound and NaN with nothing observed', () => {
    const before = histogramBuckets(latency(0, 0, 0), 'd');
    const slow = histogramBuckets('d_bucket{le="1"} 0\nd_bucket{le="+Inf"} 4', 'd');
    expect(quantileBetween(before, slow, 0.99)).toBe(Number.POSITIVE_INFINITY);
    expect(quantileBetween(before, before, 0.99)).toBeNaN();
  });
});
