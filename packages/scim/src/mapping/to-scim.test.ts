import { describe, expect, it } from 'vitest';
import { ScimUserSchema } from '../schema/default-wire-schemas.ts';
import { registries } from '../testing/registries.ts';
import { fromScimUser } from './from-scim-user.ts';
import { toScimGroup } from './to-scim-group.ts';
import { toScimUser } from './to-scim-user.ts';

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const info = {
  id: '2819c223',
  baseUrl: 'https://example.com/scim/v2/',
  created: new Date('2010-01-23T04:56:22Z'),
  lastModified: '2011-05-13T04:42:34.000Z',
  version: 3,
  registry: registries.rfc,
};

describe('toScimUser', () => {
  const user = {
    userName: 'bjensen',
    active: true,
    emails: [{ value: 'b@example.com', type: 'work', primary: true }],
    enterprise: { department: 'Tours', manager: { value: 'm1', displayName: 'Boss' } },
  };

  it('renders schemas, meta, $ref for manager and groups (RFC 7643 §8.3)', () => {
    const wire = toScimUser(user, { ...info, groups: [{ value: 'g1', display: 'Admins', type: 'direct' }] });
    expect(wire).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENT],
      id: '2819c223',
      userName: 'bjensen',
      active: true,
      emails: [{ value: 'b@example.com', type: 'work', primary: true }],
      [ENT]: {
        department: 'Tours',
        manager: { value: 'm1', $ref: 'https://example.com/scim/v2/Users/m1', displayName: 'Boss' },
      },
      groups: [{ value: 'g1', display: 'Admins', type: 'direct', $ref: 'https://example.com/scim/v2/Groups/g1' }],
      meta: {
        resourceType: 'User',
        created: '2010-01-23T04:56:22.000Z',
        lastModified: '2011-05-13T04:42:34.000Z',
        location: 'https://example.com/scim/v2/Users/2819c223',
        version: 'W/"3"',
      },
    });
    expect(ScimUserSchema.safeParse(wire).success).toBe(true);
  });

  it('omits the enterprise URN when there is no enterprise data, and never a password', () => {
    const wire = toScimUser({ userName: 'a', active: true, password: 'x' } as never, info);
    expect(wire.schemas).toEqual(['urn:ietf:params:scim:schemas:core:2.0:User']);
    expect(wire).not.toHaveProperty('password');
  });

  it('round-trips through fromScimUser', () => {
    const wire = toScimUser(user, info);
    const { manager, ...enterprise } = user.enterprise;
    expect(fromScimUser(wire, registries.rfc).attributes).toEqual({
      ...user,
      enterprise: { ...enterprise, manager: { value: manager.value } },
    });
  });

  it('renders custom extensions under their URN', () => {
    const wire = toScimUser(
      { userName: 'a', active: true, extensions: { acme: { badge: 'B' } } },
      { ...info, registry: registries.custom },
    );
    expect(wire['urn:acme:params:scim:schemas:extension:acme:2.0:User']).toEqual({ badge: 'B' });
    expect(wire.schemas).toContain('urn:acme:params:scim:schemas:extension:acme:2.0:User');
  });
});

describe('toScimGroup', () => {
  it('renders member $ref by type and leaves members out when not loaded', () => {
    const members = [
      { value: 'u1', display: 'One' },
      { value: 'g2', type: 'Group' as const },
    ];
    const wire = toScimGroup({ displayName: 'G' }, { ...info, members });
    expect(wire['members']).toEqual([
      { value: 'u1', $ref: 'https://example.com/scim/v2/Users/u1', display: 'One' },
      { value: 'g2', $ref: 'https://example.com/scim/v2/Groups/g2', type: 'Group' },
    ]);
    expect(wire.meta.location).toBe('https://example.com/scim/v2/Groups/2819c223');
    expect(toScimGroup({ displayName: 'G' }, info)).not.toHaveProperty('members');
  });
});
