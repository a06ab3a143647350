import { describe, expect, it } from 'vitest';
import { formatNumber, markdownTable } from './table.ts';

describe('markdownTable', () => {
  it('aligns figures right and formats numbers with one decimal', () => {
    expect(
      markdownTable(
        ['lookup', 'p50 ms', 'errors'],
        [
          ['by id', 1234.56, '0'],
          ['filter', Number.NaN, null],
        ],
      ),
    ).toBe(
      ['| lookup | p50 ms | errors |', '|---|---:|---:|', '| by id | 1,234.6 | 0 |', '| filter | – | – |'].join('\n'),
    );
  });

  it('formats with the digits asked for', () => {
    expect(formatNumber(0.456, 2)).toBe('0.46');
    expect(formatNumber(100000, 0)).toBe('100,000');
    expect(formatNumber(undefined)).toBe('–');
  });
});
