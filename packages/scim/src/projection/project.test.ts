import { describe, expect, it } from 'vitest';
import { registries } from '../testing/registries.ts';
import { project } from './project.ts';
import fixtures from './projection.fixtures.json' with { type: 'json' };

type Fixture = {
  name: string;
  source: string;
  resourceType: 'User' | 'Group';
  resource: Record<string, unknown>;
  attributes?: string | string[];
  excludedAttributes?: string | string[];
  registry?: 'rfc' | 'custom';
  expected: Record<string, unknown>;
};

describe('project fixtures', () => {
  it.each((fixtures as Fixture[]).map((f) => [`${f.name} (${f.source})`, f] as const))('%s', (_, f) => {
    const before = structuredClone(f.resource);
    const out = project(f.resource, {
      registry: registries[f.registry ?? 'rfc'],
      resourceType: f.resourceType,
      ...(f.attributes !== undefined ? { attributes: f.attributes } : {}),
      ...(f.excludedAttributes !== undefined ? { excludedAttributes: f.excludedAttributes } : {}),
    });
    expect(out).toEqual(f.expected);
    expect(f.resource).toEqual(before);
  });
});
