/**
 * `active` is optional (RFC 7643 §4.1.1, and `required: false` in our `/Schemas`): a user
 * without it, because a POST or PUT left it out or a PATCH removed it, is active. One rule
 * for every write, so what `/Schemas` publishes and what the writes do agree.
 */
export function defaultActive(doc: Record<string, unknown>): void {
  if (doc['active'] === undefined || doc['active'] === null) doc['active'] = true;
}
