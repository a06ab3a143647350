import type { Redis } from 'ioredis';
import type { PrincipalResolver } from '../http/trpc-endpoint.ts';
import { sessionPrincipalResolver } from './session-principal.ts';
import { sessionRouter } from './session-router.ts';
import { createSignInLimiter } from './sign-in-limiter.ts';
import { staticApp } from './static-app.ts';
import type { WebDeps } from './web-deps.ts';

export type WebAppOptions = Omit<WebDeps, 'secure' | 'admitSignIn'> & {
  redis: Redis;
  resolvePrincipal: PrincipalResolver;
  /** Where the built app is (default apps/web/dist). */
  distDir?: string;
  signInLimits?: { perAccount: number; perAddress: number };
};

/** The admin web app: its session endpoints, the cookie resolver for /trpc, and the static app. */
export function webApp({ redis, distDir, signInLimits, resolvePrincipal, ...options }: WebAppOptions) {
  const deps: WebDeps = { ...options, secure: options.publicUrl.startsWith('https:'), admitSignIn: createSignInLimiter(redis, signInLimits) };
  return {
    sessions: sessionRouter({ ...deps, resolvePrincipal }),
    resolveSession: sessionPrincipalResolver(deps),
    static: staticApp(distDir),
  };
}
