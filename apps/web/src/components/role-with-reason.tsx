import type { RoleShown } from '../lib/use-role-setup.ts';

/** A user's role and, under it, what gave it. */
export function RoleWithReason({ shown }: { shown: RoleShown }) {
  return (
    <>
      {shown.label}
      <div className="small muted">{shown.why}</div>
    </>
  );
}
