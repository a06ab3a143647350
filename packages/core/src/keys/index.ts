export * from './key-record.ts';
export type { KeyRepository, NewKey } from './key-repository.ts';
export type { KeyAlerts, KeyDeps } from './key-deps.ts';
export {
  formatKeyToken,
  generateKeySecret,
  hashKeySecret,
  KEY_TOKEN_PREFIX,
  parseKeyToken,
  secretMatches,
} from './key-token.ts';
export { createKey } from './create-key.ts';
export type { CreatedKey, CreateKeyOptions } from './create-key.ts';
export { listKeys } from './list-keys.ts';
export type { ListKeysOptions } from './list-keys.ts';
export { revokeKey } from './revoke-key.ts';
export { authenticateKey } from './authenticate-key.ts';
export type { AuthenticateKeyDeps } from './authenticate-key.ts';
export { revokeOwnerKeys, SCIM_KEY_RECENT_MS } from './revoke-owner-keys.ts';
export type {
  AccessLoss,
  RevokeOwnerKeysDeps,
  RevokeOwnerKeysOptions,
  RevokeOwnerKeysResult,
} from './revoke-owner-keys.ts';
export { accessLoss, revokeOnAccessLoss } from './revoke-on-access-loss.ts';
export type { AccessLossDeps } from './revoke-on-access-loss.ts';
export { revocationMessage } from './revocation-message.ts';
