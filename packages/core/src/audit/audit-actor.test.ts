import { describe, expect, it } from 'vitest';
import { actorOf, readStoredActor } from './audit-actor.ts';

describe('actorOf', () => {
  it('names the credential explicitly: a key, an org admin session, the platform admin', () => {
    expect(actorOf({ kind: 'org', orgId: 'o', scopes: ['scim'], keyId: 'k', ownerId: 'sa' })).toEqual({
      type: 'key',
      keyId: 'k',
      ownerId: 'sa',
    });
    expect(actorOf({ kind: 'org', orgId: 'o', scopes: ['admin'], session: { kind: 'user', userId: 'u' } })).toEqual({
      type: 'session',
      userId: 'u',
    });
    expect(actorOf({ kind: 'org', orgId: 'o', scopes: ['admin'], session: { kind: 'platform' } })).toEqual({
      type: 'platform',
    });
    expect(actorOf({ kind: 'platform' })).toEqual({ type: 'platform' });
    expect(actorOf(null)).toEqual({ type: 'system' });
    expect(actorOf({ kind: 'org', orgId: 'o', scopes: ['admin'] })).toEqual({ type: 'system' });
  });
});

describe('readStoredActor', () => {
  it('reads events written before sessions had an actor type as today: no key id means a web session', () => {
    expect(readStoredActor({ type: 'key', keyId: null, ownerId: 'u' })).toEqual({ type: 'session', userId: 'u' });
    expect(readStoredActor({ type: 'key', keyId: null, ownerId: null })).toEqual({ type: 'platform' });
    expect(readStoredActor({ type: 'key', keyId: 'k', ownerId: 'sa' })).toEqual({
      type: 'key',
      keyId: 'k',
      ownerId: 'sa',
    });
    expect(readStoredActor({ type: 'platform', keyId: null, ownerId: null })).toEqual({ type: 'platform' });
    expect(readStoredActor({ type: 'system', keyId: null, ownerId: null })).toEqual({ type: 'system' });
  });

  it('reads the explicit types as written', () => {
    expect(readStoredActor({ type: 'session', userId: 'u' })).toEqual({ type: 'session', userId: 'u' });
  });
});
