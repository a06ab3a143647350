import type { Redis } from 'ioredis';
import { sessionPrincipalResolver } from './session-principal.ts';
import { sessionRouter } from './session-router.ts';
import { createSignInLimiter } from './sign-in-limiter.ts';
import type { SignInLimits } from './sign-in-limiter.ts';
import { staticApp } from './static-app.ts';
import type { WebDeps } from './web-deps.ts';

export type WebAppOptions = Omit<WebDeps, 'secure' | 'signInLimiter' | 'platformTokenHash'> & {
  redis: Redis;
  platformTokenHash?: string;
  /** Where the built app is (default apps/web/dist). */
  distDir?: string;
  signInLimits?: SignInLimits;
};

/** The admin web app: its session endpoints, the cookie resolver for /trpc, and the static app. */
export function webApp({ redis, distDir, signInLimits, platformTokenHash, ...options }: WebAppOptions) {
  const deps: WebDeps = {
    ...options,
    secure: options.publicUrl.startsWith('https:'),
    signInLimiter: createSignInLimiter(redis, signInLimits),
    platformTokenHash: platformTokenHash ?? null,
  };
  return {
    sessions: sessionRouter(deps),
    resolveSession: sessionPrincipalResolver(deps),
    static: staticApp(distDir),
  };
}
