import { AppError } from '@provisio/core';
import { setSsoIdp } from '@provisio/core/sso';
import { fetchIdpMetadata, parseIdpMetadata, SamlConfigProblem } from '@provisio/saml';
import { orgProcedure } from '../../trpc.ts';
import { ZSsoViewSchema } from './get-sso.types.ts';
import { withSsoAudit } from './record-sso-change.ts';
import { ZSetIdpRequestSchema } from './set-idp.types.ts';
import { ssoDeps } from './sso-deps.ts';

/** Admin: the IdP side from its metadata (entity id, SSO URL, one or two signing certificates). */
export const setIdp = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZSetIdpRequestSchema)
  .output(ZSsoViewSchema)
  .mutation(async ({ ctx, input }) => {
    try {
      const metadataUrl = 'metadataUrl' in input ? input.metadataUrl : null;
      const xml = metadataUrl ? await fetchIdpMetadata(metadataUrl) : (input as { metadataXml: string }).metadataXml;
      const idp = { ...parseIdpMetadata(xml), metadataUrl };
      return await withSsoAudit(ctx, 'setIdp', () => setSsoIdp(ssoDeps(ctx), { orgId: ctx.auth.orgId, idp }));
    } catch (err) {
      if (err instanceof SamlConfigProblem)
        throw new AppError('BAD_REQUEST', {
          message: err.message,
          userMessage: `The IdP metadata cannot be used: ${err.message}.`,
        });
      throw err;
    }
  });
