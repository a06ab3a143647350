import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { App } from './app.tsx';
import { ActivityPage } from './pages/activity-page.tsx';
import { GroupPage } from './pages/group-page.tsx';
import { GroupsPage } from './pages/groups-page.tsx';
import { KeysPage } from './pages/keys-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { ScimPage } from './pages/scim-page.tsx';
import { UserPage } from './pages/user-page.tsx';
import { UsersPage, usersSearch } from './pages/users-page.tsx';

/** Where to go once signed in (`/sign-in?next=/users/…`). */
const signInSearch = (search: Record<string, unknown>): { next?: string } => (typeof search['next'] === 'string' ? { next: search['next'] } : {});

/** The app shows the session's screens (sign-in, org picker) itself: these paths only need to exist. */
const Nothing = () => null;

const rootRoute = createRootRoute({ component: App });
const child = <P extends string>(path: P) => ({ getParentRoute: () => rootRoute, path });

const userRoute = createRoute({
  ...child('/users/$id'),
  // `key`: another user's page starts with fresh state.
  component: function UserRoute() {
    const { id } = userRoute.useParams();
    return <UserPage key={id} id={id} />;
  },
});
const groupRoute = createRoute({
  ...child('/groups/$id'),
  component: function GroupRoute() {
    const { id } = groupRoute.useParams();
    return <GroupPage key={id} id={id} />;
  },
});

/** The app's pages, typed: `<Link to="/users/$id" params={{ id }}>`, and the users page's search params. */
const routeTree = rootRoute.addChildren([
  createRoute({ ...child('/'), component: Nothing }),
  createRoute({ ...child('/sign-in'), validateSearch: signInSearch, component: Nothing }),
  // Only the platform admin picks an org (the app shows the picker there); for anyone else there is nothing here.
  createRoute({ ...child('/switch-org'), component: NotFoundPage }),
  createRoute({ ...child('/users'), validateSearch: usersSearch, component: UsersPage }),
  userRoute,
  createRoute({ ...child('/scim-connection'), component: ScimPage }),
  createRoute({ ...child('/keys'), component: KeysPage }),
  createRoute({ ...child('/groups'), component: GroupsPage }),
  groupRoute,
  createRoute({ ...child('/activity'), component: ActivityPage }),
  createRoute({ ...child('$'), component: NotFoundPage }),
]);

export const router = createRouter({ routeTree });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
