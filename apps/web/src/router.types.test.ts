import { expectTypeOf, it } from 'vitest';
import type { router } from './router.tsx';

type Routes = (typeof router)['routesById'];

it('knows every route by its literal path (routes created inside addChildren would widen to any)', () => {
  expectTypeOf<keyof Routes>().toEqualTypeOf<
    | '__root__'
    | '/'
    | '/sign-in'
    | '/switch-org'
    | '/users'
    | '/users/$id'
    | '/scim-connection'
    | '/sso'
    | '/keys'
    | '/groups'
    | '/groups/$id'
    | '/activity'
    | '/brake'
    | '/roles'
    | '/webhooks'
    | '/$'
  >();
});

it('types the params of a user and a group, and the search params of the users page and of sign-in', () => {
  expectTypeOf<Routes['/users/$id']['types']['allParams']>().not.toBeAny();
  expectTypeOf<Routes['/users/$id']['types']['allParams']>().toExtend<{ id: string }>();
  expectTypeOf<Routes['/groups/$id']['types']['allParams']>().toExtend<{ id: string }>();
  expectTypeOf<Routes['/users']['types']['fullSearchSchema']>().toEqualTypeOf<{
    q?: string;
    status?: 'invited' | 'active' | 'deactivated';
    page?: number;
  }>();
  expectTypeOf<Routes['/sign-in']['types']['fullSearchSchema']>().toEqualTypeOf<{ next?: string }>();
});
