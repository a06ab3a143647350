/** Our side of an org's connection, as the admin pastes it into the IdP. One SP entity per org. */
export type SpEndpoints = { entityId: string; acsUrl: string; metadataUrl: string; signInUrl: string };

export function spEndpoints(publicUrl: string, orgId: string): SpEndpoints {
  const base = `${publicUrl.replace(/\/+$/, '')}/sso/saml/${encodeURIComponent(orgId)}`;
  return { entityId: base, acsUrl: `${base}/acs`, metadataUrl: `${base}/metadata`, signInUrl: `${base}/sign-in` };
}
