import { GroupRolesCard } from '../components/group-roles-card.tsx';
import { OrgRolesCard } from '../components/org-roles-card.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryState } from '../components/query-state.tsx';
import { useRoleSetup } from '../lib/use-role-setup.ts';

/** An org admin defines roles and maps the identity provider's groups to them. */
export function RolesPage() {
  const { setup } = useRoleSetup();
  return (
    <>
      <PageHeader
        title="Roles"
        description="A user's role follows their groups from the identity provider: map each group to a role once, and memberships do the rest."
      />
      <QueryState isPending={setup.isPending} error={setup.error} label="roles" />
      {setup.data ? (
        <>
          <GroupRolesCard setup={setup.data} />
          <OrgRolesCard setup={setup.data} />
        </>
      ) : null}
    </>
  );
}
