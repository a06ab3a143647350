import type {
  FilterNode as CoreFilterNode,
  GroupAttributes as CoreGroup,
  MembershipDelta as CoreDelta,
  UserAttributes as CoreUser,
} from '@provisio/core';
import type {
  FilterNode as ScimFilterNode,
  GroupAttributes as ScimGroup,
  MembershipDelta as ScimDelta,
  UserAttributes as ScimUser,
} from '@provisio/scim';
import { expectTypeOf, it } from 'vitest';

// core may not import scim, so it mirrors these shapes; this keeps the copies honest.
it('core and scim agree on the filter AST and the domain shapes', () => {
  expectTypeOf<CoreFilterNode>().toEqualTypeOf<ScimFilterNode>();
  expectTypeOf<ScimUser>().toExtend<CoreUser>();
  expectTypeOf<CoreUser>().toExtend<ScimUser>();
  expectTypeOf<ScimGroup>().toExtend<CoreGroup>();
  expectTypeOf<ScimDelta>().toExtend<CoreDelta>();
});
