/**
 * Which assertion attribute fills which user field; `nameId` takes the email from the NameID.
 * (Stored and validated by `@provisio/core/sso` as `SsoAttributeMapping`, the same shape.)
 */
export type AttributeMapping = {
  email: string;
  givenName: string | null;
  familyName: string | null;
  displayName: string | null;
  groups: string | null;
};

/** The person a verified assertion names, in our terms. */
export type SamlIdentity = {
  nameId: string;
  email: string;
  givenName: string | null;
  familyName: string | null;
  displayName: string | null;
  groups: string[];
};

const values = (profile: Record<string, unknown>, name: string | null): string[] => {
  if (!name) return [];
  const raw = profile[name];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
};

/** The identity from node-saml's profile (attributes by name); null when no email can be found. */
export function identityOf(profile: Record<string, unknown>, mapping: AttributeMapping): SamlIdentity | null {
  const nameId = typeof profile['nameID'] === 'string' ? profile['nameID'].trim() : '';
  const email = mapping.email === 'nameId' ? nameId : (values(profile, mapping.email)[0] ?? '');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return null;
  const one = (name: string | null) => values(profile, name)[0] ?? null;
  return {
    nameId,
    email,
    givenName: one(mapping.givenName),
    familyName: one(mapping.familyName),
    displayName: one(mapping.displayName),
    groups: values(profile, mapping.groups),
  };
}
