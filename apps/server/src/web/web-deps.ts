import type { Clock } from '@provisio/core';
import type { Db } from '@provisio/db';
import type { Logger } from '@provisio/logger';
import type { SignInLimiter } from './sign-in-limiter.ts';

export type WebDeps = {
  db: Db;
  clock: Clock;
  logger: Logger;
  publicUrl: string;
  /** Cookies get `Secure` and the `__Host-` prefix (the public URL is https). */
  secure: boolean;
  signInLimiter: SignInLimiter;
  /** SHA-256 of `PROVISIO_ADMIN_TOKEN`: platform web sessions are bound to it (none when null). */
  platformTokenHash: string | null;
};
