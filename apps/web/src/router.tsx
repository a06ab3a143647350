import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { App } from './app.tsx';
import { ActivityPage } from './pages/activity-page.tsx';
import { BrakePage } from './pages/brake-page.tsx';
import { WebhooksPage } from './pages/webhooks-page.tsx';
import { GroupPage } from './pages/group-page.tsx';
import { GroupsPage } from './pages/groups-page.tsx';
import { KeysPage } from './pages/keys-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { RolesPage } from './pages/roles-page.tsx';
import { ScimPage } from './pages/scim-page.tsx';
import { SsoPage } from './pages/sso-page.tsx';
import { UserPage } from './pages/user-page.tsx';
import { UsersPage } from './pages/users-page.tsx';
import { usersSearch } from './pages/users-search.ts';

// Each route is its own const: created inside `addChildren([...])`, its path would widen to
// `string` and every typed link, param and search would silently become `any`.

/** Where to go once signed in (`/sign-in?next=/users/…`). */
const signInSearch = (search: Record<string, unknown>): { next?: string } =>
  typeof search['next'] === 'string' ? { next: search['next'] } : {};

/** The app shows the session's screens (sign-in, org picker) itself: these paths only need to exist. */
const Nothing = (): ReactNode => null;

const rootRoute = createRootRoute({ component: App });
const parent = () => rootRoute;

const indexRoute = createRoute({ getParentRoute: parent, path: '/', component: Nothing });
const signInRoute = createRoute({
  getParentRoute: parent,
  path: '/sign-in',
  validateSearch: signInSearch,
  component: Nothing,
});
// Only the platform admin picks an org (the app shows the picker there); for anyone else there is nothing here.
const switchOrgRoute = createRoute({ getParentRoute: parent, path: '/switch-org', component: NotFoundPage });
const usersRoute = createRoute({
  getParentRoute: parent,
  path: '/users',
  validateSearch: usersSearch,
  component: UsersPage,
});
const userRoute = createRoute({
  getParentRoute: parent,
  path: '/users/$id',
  // `key`: another user's page starts with fresh state.
  component: function UserRoute(): ReactNode {
    const { id } = userRoute.useParams();
    return <UserPage key={id} id={id} />;
  },
});
const scimRoute = createRoute({ getParentRoute: parent, path: '/scim-connection', component: ScimPage });
const ssoRoute = createRoute({ getParentRoute: parent, path: '/sso', component: SsoPage });
const keysRoute = createRoute({ getParentRoute: parent, path: '/keys', component: KeysPage });
const groupsRoute = createRoute({ getParentRoute: parent, path: '/groups', component: GroupsPage });
const groupRoute = createRoute({
  getParentRoute: parent,
  path: '/groups/$id',
  component: function GroupRoute(): ReactNode {
    const { id } = groupRoute.useParams();
    return <GroupPage key={id} id={id} />;
  },
});
const activityRoute = createRoute({ getParentRoute: parent, path: '/activity', component: ActivityPage });
const brakeRoute = createRoute({ getParentRoute: parent, path: '/brake', component: BrakePage });
const rolesRoute = createRoute({ getParentRoute: parent, path: '/roles', component: RolesPage });
const webhooksRoute = createRoute({ getParentRoute: parent, path: '/webhooks', component: WebhooksPage });
const notFoundRoute = createRoute({ getParentRoute: parent, path: '$', component: NotFoundPage });

/** The app's pages, typed: `<Link to="/users/$id" params={{ id }}>`, and the users page's search params. */
const routeTree = rootRoute.addChildren([
  indexRoute,
  signInRoute,
  switchOrgRoute,
  usersRoute,
  userRoute,
  scimRoute,
  ssoRoute,
  keysRoute,
  groupsRoute,
  groupRoute,
  rolesRoute,
  activityRoute,
  brakeRoute,
  webhooksRoute,
  notFoundRoute,
]);

export const router = createRouter({ routeTree });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
