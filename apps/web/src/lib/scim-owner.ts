const plain = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The service account a new SCIM key belongs to: the provisioning one (`org create` makes
 * `scim-provisioning`; this app makes "SCIM provisioning"), else any but `org-admin`, which
 * holds the platform-issued admin keys.
 */
export function scimOwnerOf<A extends { name: string }>(accounts: readonly A[]): A | undefined {
  return (
    accounts.find((a) => plain(a.name) === 'scimprovisioning') ?? accounts.find((a) => plain(a.name) !== 'orgadmin')
  );
}
