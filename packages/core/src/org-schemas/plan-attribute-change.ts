import { AppError } from '../errors/app-error.ts';
import type { OrgAttribute } from './org-schema-definition.ts';
import type { OrgSchemaRecord } from './org-schema-record.ts';

type AttributeState = Pick<OrgSchemaRecord, 'attributes' | 'hiddenAttributes' | 'purgedAttributeNames'>;

const key = (name: string) => name.toLowerCase();
const shapeOf = (a: Pick<OrgAttribute, 'type' | 'multiValued' | 'caseExact'>) =>
  `${a.type}${a.multiValued ? '[]' : ''}${a.caseExact ? ' caseExact' : ''}`;

const refuse = (message: string) => new AppError('BAD_REQUEST', { message, scimType: 'invalidValue' });

/** Stored values keep their meaning: type, multiValued and caseExact of a known name never change. */
function assertCompatible(before: OrgAttribute, after: OrgAttribute): void {
  if (shapeOf(before) !== shapeOf(after))
    throw refuse(
      `'${after.name}' holds stored values as ${shapeOf(before)}; it cannot become ${shapeOf(after)} (add an attribute with a new name)`,
    );
  if (before.uniqueness === 'none' && after.uniqueness === 'server')
    throw refuse(`'${after.name}' already has values that may repeat; register a new attribute to make one unique`);
  if (before.type !== 'complex' || after.type !== 'complex') return;
  for (const sub of after.subAttributes) {
    const old = before.subAttributes.find((s) => key(s.name) === key(sub.name));
    if (old && shapeOf(old) !== shapeOf(sub))
      throw refuse(
        `'${after.name}.${sub.name}' holds stored values as ${shapeOf(old)}; it cannot become ${shapeOf(sub)}`,
      );
  }
}

/**
 * The attribute state after an admin's change. An attribute left out is hidden (its values
 * stay stored and come back if it is added again unchanged); one named in `deleteData` is
 * purged: no longer shown, kept or filterable, and its name is never reused, so values a
 * user's document still holds can never reappear.
 */
export function planAttributeChange(
  current: AttributeState,
  next: readonly OrgAttribute[],
  deleteData: readonly string[] = [],
): AttributeState {
  const known = new Map([...current.hiddenAttributes, ...current.attributes].map((a) => [key(a.name), a]));
  const purged = new Set(current.purgedAttributeNames.map(key));
  const deleting = new Set(deleteData.map(key));
  for (const attribute of next) {
    if (purged.has(key(attribute.name)))
      throw refuse(`'${attribute.name}' was deleted with its values; its name cannot be used again`);
    if (deleting.has(key(attribute.name))) throw refuse(`'${attribute.name}' is both kept and deleted`);
    const before = known.get(key(attribute.name));
    if (before) assertCompatible(before, attribute);
  }
  for (const name of deleting)
    if (!known.has(name)) throw refuse(`'${name}' is not an attribute of this schema; nothing to delete`);
  const kept = new Set(next.map((a) => key(a.name)));
  const hidden = [...known.values()].filter((a) => !kept.has(key(a.name)) && !deleting.has(key(a.name)));
  return {
    attributes: [...next],
    hiddenAttributes: hidden,
    purgedAttributeNames: [
      ...current.purgedAttributeNames,
      ...[...known.values()].filter((a) => deleting.has(key(a.name))).map((a) => a.name),
    ],
  };
}
