export * from './session-record.ts';
export type { SessionRepository, SignInCandidate, SignInDirectory } from './session-repository.ts';
export type { SessionDeps } from './session-deps.ts';
export { csrfTokenOf, hashSessionToken, isSessionTokenShape, newSessionToken } from './session-token.ts';
export { openSession, signInAsPlatform, signInWithPassword } from './sign-in.ts';
export type { SignInResult } from './sign-in.ts';
export { principalOf, resolveSession } from './resolve-session.ts';
export type { ResolvedSession } from './resolve-session.ts';
export { selectSessionOrg, signOut, sweepSessions } from './manage-session.ts';
