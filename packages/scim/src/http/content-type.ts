export const SCIM_MEDIA_TYPE = 'application/scim+json';

/**
 * True for request bodies the SCIM endpoints must accept: `application/scim+json` and, because
 * Entra's Test Connection sends it, `application/json`; parameters ignored.
 */
export function isScimRequestContentType(header: string | undefined): boolean {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === SCIM_MEDIA_TYPE || type === 'application/json';
}
