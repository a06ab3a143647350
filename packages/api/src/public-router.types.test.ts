import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { expectTypeOf, it } from 'vitest';
import type { PublicAppRouter } from './public-router.ts';
import type { AppRouter } from './root.ts';

it('PublicAppRouter has exactly the procedures, inputs, outputs and error shape of AppRouter', () => {
  expectTypeOf<PublicAppRouter['_def']['record']>().toEqualTypeOf<AppRouter['_def']['record']>();
  expectTypeOf<inferRouterInputs<PublicAppRouter>>().toEqualTypeOf<inferRouterInputs<AppRouter>>();
  expectTypeOf<inferRouterOutputs<PublicAppRouter>>().toEqualTypeOf<inferRouterOutputs<AppRouter>>();
  type Shape<R extends { _def: { _config: { $types: { errorShape: unknown } } } }> =
    R['_def']['_config']['$types']['errorShape'];
  expectTypeOf<Shape<PublicAppRouter>>().toEqualTypeOf<Shape<AppRouter>>();
  expectTypeOf<PublicAppRouter['_def']['_config']['$types']['ctx']>().toEqualTypeOf<object>();
});
