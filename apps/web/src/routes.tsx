import { match } from './lib/router.tsx';
import { ActivityPage } from './pages/activity-page.tsx';
import { GroupPage } from './pages/group-page.tsx';
import { GroupsPage } from './pages/groups-page.tsx';
import { KeysPage } from './pages/keys-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { ScimPage } from './pages/scim-page.tsx';
import { UserPage } from './pages/user-page.tsx';
import { UsersPage } from './pages/users-page.tsx';

/** The app's pages by path; `key` resets a page's state when its id changes. */
export function Routes({ path }: { path: string }) {
  const user = match('/users/:id', path);
  if (user?.['id']) return <UserPage key={user['id']} id={user['id']} />;
  const group = match('/groups/:id', path);
  if (group?.['id']) return <GroupPage key={group['id']} id={group['id']} />;
  switch (path) {
    case '/users':
      return <UsersPage />;
    case '/scim-connection':
      return <ScimPage />;
    case '/keys':
      return <KeysPage />;
    case '/groups':
      return <GroupsPage />;
    case '/activity':
      return <ActivityPage />;
    default:
      return <NotFoundPage />;
  }
}
