import type { FilterNode } from '@provisio/core';
import { expect, it } from 'vitest';
import { countCostlyTerms } from './filter-cost.ts';
import { resolveGroupPath } from './resolve-group-path.ts';
import { resolveUserPath } from './resolve-user-path.ts';

const eq = (attr: string, value: string, sub?: string): FilterNode => ({
  kind: 'compare',
  path: { attr, ...(sub ? { sub } : {}) },
  op: 'eq',
  value,
});
const or = (...nodes: FilterNode[]): FilterNode => nodes.reduce((left, right) => ({ kind: 'or', left, right }));
const emailsOf = (value: string): FilterNode => ({
  kind: 'valuePath',
  path: { attr: 'emails' },
  filter: eq('value', value),
});

it('counts value paths and member terms, inside not as well, and nothing else', () => {
  const filter = or(
    emailsOf('a'),
    { kind: 'not', filter: eq('groups', 'g') },
    eq('userName', 'x'),
    eq('emails', 'b', 'value'),
    eq('groups', 'h', 'value'),
  );
  expect(countCostlyTerms(filter, resolveUserPath)).toBe(3);
  expect(
    countCostlyTerms(
      or(eq('members', 'u'), { kind: 'present', path: { attr: 'members' } }, eq('displayName', 'x')),
      resolveGroupPath,
    ),
  ).toBe(2);
});
