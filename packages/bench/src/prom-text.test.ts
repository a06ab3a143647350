import { describe, expect, it } from 'vitest';
import { histogramTotals, meanBetween, routeKey } from './prom-text.ts';

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
