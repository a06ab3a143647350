import { AppError, hasScope, isAppError } from '@provisio/core';
import { databaseUnavailable, isDatabaseUnreachable } from '@provisio/db';
import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import type { Context } from './context.ts';
import { fromScimError } from './errors/from-scim-error.ts';
import { internalErrorMessage, isUnexpected, publicMessage } from './errors/public-message.ts';
import { toTrpcCode } from './errors/to-trpc-code.ts';
import { auditMutation } from './routers/audit/audit-mutation.ts';
import type { ProvisioErrorShape } from './errors/error-shape.ts';
import type { Meta } from './meta.ts';

export type { Meta } from './meta.ts';

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error, ctx }): ProvisioErrorShape {
      const unexpected = isUnexpected(error);
      const appError = isAppError(error.cause) ? error.cause : null;
      // An output that failed validation is a 500 too: its issues describe our data, not the input.
      const zodError = error.cause instanceof ZodError && !unexpected ? error.cause : null;
      return {
        ...shape,
        message: unexpected ? internalErrorMessage(ctx?.requestId) : publicMessage(error),
        data: {
          ...shape.data,
          stack: undefined,
          appError: appError ? { code: appError.code, scimType: appError.scimType } : null,
          zodError: zodError ? z.flattenError(zodError) : null,
          issues: zodError ? zodError.issues.map((i) => ({ path: i.path.map(String), message: i.message })) : null,
        },
      };
    },
    // Subscriptions (SSE): a comment every 15 s keeps proxies from closing an idle stream, and
    // the client reconnects (resuming from its last event id) when it hears nothing for 40 s.
    sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 40_000 } },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Turns an AppError (or a ScimError from @provisio/scim, or an unreachable database, as an
 * AppError) thrown anywhere below into the matching TRPCError, keeping the AppError as `cause`.
 */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const raw = result.error.cause;
    const cause = isAppError(raw)
      ? raw
      : (fromScimError(raw) ?? (isDatabaseUnreachable(raw) ? databaseUnavailable(raw) : null));
    if (cause) throw new TRPCError({ code: toTrpcCode(cause.code), message: cause.message, cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapErrors);

/** Platform operations: only the platform admin token. */
export const platformProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.auth?.kind !== 'platform') {
    throw new AppError(ctx.auth ? 'FORBIDDEN' : 'UNAUTHENTICATED', { message: 'platform admin token required' });
  }
  return next({ ctx: { ...ctx, auth: ctx.auth } });
});

/** Org operations: an org principal whose scopes grant the procedure's `meta.scope`. */
export const orgProcedure = publicProcedure
  .use(({ ctx, meta, next }) => {
    const auth = ctx.auth;
    if (!auth) throw new AppError('UNAUTHENTICATED', { message: 'a bearer token is required' });
    if (auth.kind !== 'org') throw new AppError('FORBIDDEN', { message: 'this operation needs an org key' });
    const required = meta?.scope ?? 'admin';
    if (!hasScope(auth.scopes, required)) {
      throw new AppError('FORBIDDEN', { message: `this key lacks the '${required}' scope` });
    }
    return next({ ctx: { ...ctx, auth } });
  })
  .use(({ ctx, type, path, next }) => auditMutation({ ctx, type, path, next: (audit) => next({ ctx: { audit } }) }));
