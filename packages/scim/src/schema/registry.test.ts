import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors/scim-error.ts';
import { isScimRequestContentType } from '../http/content-type.ts';
import { applyUserPatch } from '../patch/apply-user-patch.ts';
import { createSchemaRegistry } from './registry.ts';

const patch = (ops: unknown[]) => ({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: ops });

describe('createSchemaRegistry', () => {
  it('refuses unsafe storage keys and bad URNs (MongoDB keys cannot hold "." or start with "$")', () => {
    const ext = {
      urn: 'urn:acme:x:1.0',
      name: 'X',
      resourceType: 'User' as const,
      attributes: [{ name: 'a', type: 'string' as const }],
    };
    expect(() => createSchemaRegistry({ extensions: [{ ...ext, storageKey: 'a.b' }] })).toThrow(TypeError);
    expect(() => createSchemaRegistry({ extensions: [{ ...ext, storageKey: '$x' }] })).toThrow(TypeError);
    expect(() => createSchemaRegistry({ extensions: [{ ...ext, storageKey: 'ok', urn: 'not-a-urn' }] })).toThrow(
      TypeError,
    );
    expect(() =>
      createSchemaRegistry({
        extensions: [{ ...ext, storageKey: 'ok', urn: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User' }],
      }),
    ).toThrow(TypeError);
    expect(() => createSchemaRegistry({ extensions: [{ ...ext, storageKey: 'ok' }] })).not.toThrow();
  });

  it('strict canonical values canonicalise case and refuse others', () => {
    const registry = createSchemaRegistry({ strictCanonicalValues: true });
    const user = { userName: 'a', active: true };
    const ok = applyUserPatch({
      user,
      registry,
      patch: patch([{ op: 'add', path: 'emails', value: [{ value: 'a@x', type: 'Work' }] }]),
    });
    expect(ok.attributes.emails).toEqual([{ value: 'a@x', type: 'work' }]);
    expect(() =>
      applyUserPatch({
        user,
        registry,
        patch: patch([{ op: 'add', path: 'emails', value: [{ value: 'a@x', type: 'cell' }] }]),
      }),
    ).toThrow(ScimError);
    // Lenient by default: values are stored as sent (Entra: "store values exactly as sent").
    const lenient = applyUserPatch({
      user,
      registry: createSchemaRegistry(),
      patch: patch([{ op: 'add', path: 'emails', value: [{ value: 'a@x', type: 'cell' }] }]),
    });
    expect(lenient.attributes.emails).toEqual([{ value: 'a@x', type: 'cell' }]);
  });

  it('immutable extension attributes can be set once, never changed', () => {
    const registry = createSchemaRegistry({
      extensions: [
        {
          urn: 'urn:acme:x:1.0',
          name: 'X',
          resourceType: 'User',
          storageKey: 'x',
          attributes: [{ name: 'hireId', type: 'string', mutability: 'immutable' }],
        },
      ],
    });
    const user = { userName: 'a', active: true };
    const set = applyUserPatch({
      user,
      registry,
      patch: patch([{ op: 'add', path: 'urn:acme:x:1.0:hireId', value: 'H1' }]),
    });
    expect(set.attributes.extensions).toEqual({ x: { hireId: 'H1' } });
    expect(() =>
      applyUserPatch({
        user: set.attributes,
        registry,
        patch: patch([{ op: 'replace', path: 'urn:acme:x:1.0:hireId', value: 'H2' }]),
      }),
    ).toThrow(expect.objectContaining({ scimType: 'mutability' }));
  });
});

describe('content types', () => {
  it('accepts application/scim+json and application/json', () => {
    expect(isScimRequestContentType('application/scim+json; charset=utf-8')).toBe(true);
    expect(isScimRequestContentType('application/json')).toBe(true);
    expect(isScimRequestContentType('text/plain')).toBe(false);
    expect(isScimRequestContentType(undefined)).toBe(false);
  });
});
