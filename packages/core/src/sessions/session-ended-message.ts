import type { SessionEnd } from './resolve-session.ts';

const MESSAGES: Record<SessionEnd | 'org-changed', string> = {
  unknown: 'Your session has ended (you signed out, or it expired): sign in again.',
  expired: 'Your session has expired: sign in again.',
  'not-admin': 'Your session has ended: you are no longer an active admin of this org.',
  'not-active': 'Your session has ended: your account is no longer active.',
  'token-changed': 'Your session has ended: the platform admin token changed. Sign in again with the new one.',
  'org-changed': 'Your session now acts in another org: open the stream again for that org.',
};

/** What a long-lived call (an event stream) tells its caller when the session behind it ends. */
export const sessionEndedMessage = (end: SessionEnd | 'org-changed'): string => MESSAGES[end];
