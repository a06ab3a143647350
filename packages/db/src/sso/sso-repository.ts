import { AppError } from '@provisio/core';
import { DEFAULT_SSO_MAPPING, emptySsoConnection } from '@provisio/core/sso';
import type { SsoConnection, SsoRepository } from '@provisio/core/sso';
import { isDuplicateKey } from '../errors/is-duplicate-key.ts';
import type { VersionClaims } from '../versioning/claim-version.ts';
import { reviseDocument } from '../versioning/revise-document.ts';
import type { SsoCodeDoc, SsoConnectionDoc, SsoModels, SsoSignInDoc } from './sso-models.ts';

const toConnection = (doc: SsoConnectionDoc, signIn: SsoSignInDoc | null = null): SsoConnection => ({
  orgId: doc.orgId,
  idp: doc.idp,
  mapping: doc.mapping ?? DEFAULT_SSO_MAPPING,
  idpInitiated: doc.idpInitiated,
  breakGlassAdminIds: doc.breakGlassAdminIds,
  lastSignInAt: (signIn?.at ?? doc.lastSignInAt)?.toISOString() ?? null,
  connectedAt: (doc.connectedAt ?? (doc.idp ? doc.updatedAt : null))?.toISOString() ?? null,
  lastModified: doc.updatedAt?.toISOString() ?? null,
});

/** How fresh the last sign-in stamp may stay before a sign-in writes it again. */
export const SIGN_IN_STAMP_MS = 60_000;
/** Bound on the per-process memory of recent stamps (cleared when full: at worst a few extra writes). */
const MAX_REMEMBERED = 10_000;

const samlKey = (orgId: string, id: string) => `${orgId}:${id}`;

/** Implements core's SsoRepository. Request ids and assertion ids are single-use through unique `_id`s. */
export function createSsoRepository(models: SsoModels, vc: VersionClaims): SsoRepository {
  const stampedAt = new Map<string, number>();
  const ensure = async (orgId: string) => {
    const empty = emptySsoConnection(orgId);
    await models.ssoConnections.collection
      .insertOne({ ...empty, _id: orgId, connectedAt: null, updatedAt: null, rev: 0 } as never)
      .catch((err: unknown) => {
        if (!isDuplicateKey(err)) throw err;
      });
  };
  return {
    async get(orgId) {
      const [doc, signIn] = await Promise.all([
        models.ssoConnections.findById(orgId).lean<SsoConnectionDoc>(),
        models.ssoSignIns.findById(orgId).lean<SsoSignInDoc>(),
      ]);
      return doc ? toConnection(doc, signIn) : emptySsoConnection(orgId);
    },
    async update(orgId, changes, now) {
      await ensure(orgId);
      // One writer per revision (FerretDB rewrites whole documents): two admins' changes both stay.
      const doc = await reviseDocument(
        models.ssoConnections,
        vc,
        { kind: 'sso', orgId, id: orgId, now },
        (current) => ({
          ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
          // The "no sign-in in 30 days" warning counts from the first set-up, not from later edits.
          ...(changes.idp && !current.connectedAt ? { connectedAt: now } : {}),
          updatedAt: now,
        }),
      );
      if (!doc) throw new AppError('INTERNAL', { message: `sso connection of ${orgId} vanished while updated` });
      return toConnection(doc, await models.ssoSignIns.findById(orgId).lean<SsoSignInDoc>());
    },
    async signedIn(orgId, now) {
      // A stamp for a warning, in its own collection (a `$max` upsert, no claim): at most one
      // write a minute per org from this process however many people sign in, as key last-use stamps.
      if (now.getTime() - (stampedAt.get(orgId) ?? Number.NEGATIVE_INFINITY) < SIGN_IN_STAMP_MS) return;
      if (stampedAt.size >= MAX_REMEMBERED) stampedAt.clear();
      stampedAt.set(orgId, now.getTime());
      try {
        await models.ssoSignIns.updateOne({ _id: orgId }, { $max: { at: now } }, { upsert: true });
      } catch (error) {
        // Two first stamps raced to insert: the other one landed, at about the same time.
        if (isDuplicateKey(error)) return;
        stampedAt.delete(orgId);
        throw error;
      }
    },
    async domains(orgId) {
      const docs = await models.ssoDomains.find({ orgId }).sort({ _id: 1 }).lean();
      return docs.map((d) => ({ domain: d._id, verifiedAt: d.verifiedAt?.toISOString() ?? null }));
    },
    async addDomain(orgId, domain, now) {
      try {
        await models.ssoDomains.collection.insertOne({ _id: domain, orgId, addedAt: now, verifiedAt: null } as never);
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const owner = await models.ssoDomains.findById(domain).lean();
        if (owner?.orgId === orgId) return;
        throw new AppError('CONFLICT', {
          message: `${domain} is claimed by another organisation`,
          userMessage: `${domain} is claimed by another organisation; ask the platform admin.`,
        });
      }
    },
    async removeDomain(orgId, domain) {
      return (await models.ssoDomains.deleteOne({ _id: domain, orgId })).deletedCount === 1;
    },
    async verifyDomain(orgId, domain, now) {
      return (
        (await models.ssoDomains.updateOne({ _id: domain, orgId }, { $set: { verifiedAt: now } })).matchedCount === 1
      );
    },
    async orgOfVerifiedDomain(domain) {
      const doc = await models.ssoDomains.findById(domain).lean();
      return doc?.verifiedAt ? doc.orgId : null;
    },
    async saveRequest(orgId, requestId, { expiresAt, returnUrl }) {
      await models.samlRequests.collection.insertOne({
        _id: samlKey(orgId, requestId),
        orgId,
        expiresAt,
        returnUrl,
      } as never);
    },
    async takeRequest(orgId, requestId, now) {
      // The delete is the use: of two answers to one request, one deletes it and the other finds nothing.
      const key = samlKey(orgId, requestId);
      const doc = await models.samlRequests.findById(key).lean();
      if (!doc) return null;
      const taken = (await models.samlRequests.deleteOne({ _id: key })).deletedCount === 1;
      return taken && doc.expiresAt > now ? { expiresAt: doc.expiresAt, returnUrl: doc.returnUrl ?? null } : null;
    },
    async rememberAssertion(orgId, assertionId, until) {
      try {
        await models.samlAssertions.collection.insertOne({
          _id: samlKey(orgId, assertionId),
          orgId,
          expiresAt: until,
        } as never);
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
    async saveCode({ codeHash, ...record }) {
      await models.ssoCodes.collection.insertOne({ _id: codeHash, ...record } as never);
    },
    async claimCode({ codeHash, orgId, returnUrl, now }) {
      // The delete is the claim, as for requests (FerretDB 1.x does not isolate a conditional
      // update; of two deletes one removes the row). A refused attempt matches nothing and deletes nothing.
      const doc = await models.ssoCodes.findById(codeHash).lean<SsoCodeDoc>();
      if (!doc || doc.orgId !== orgId || doc.returnUrl !== returnUrl || doc.expiresAt <= now) return null;
      return (await models.ssoCodes.deleteOne({ _id: codeHash })).deletedCount === 1 ? doc.userId : null;
    },
    async sweep(now) {
      const [requests, assertions, codes] = await Promise.all([
        models.samlRequests.deleteMany({ expiresAt: { $lte: now } }),
        models.samlAssertions.deleteMany({ expiresAt: { $lte: now } }),
        models.ssoCodes.deleteMany({ expiresAt: { $lte: now } }),
      ]);
      return requests.deletedCount + assertions.deletedCount + codes.deletedCount;
    },
  };
}
