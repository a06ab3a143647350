import { compact } from '../users/clean-attributes.ts';
import type { GroupAttributes } from './group-attributes.ts';

/** The stored form of a group's own attributes (see `compact`). */
export function cleanGroupAttributes(attributes: GroupAttributes): GroupAttributes {
  const cleaned = (compact(attributes) ?? {}) as Partial<GroupAttributes>;
  return { ...cleaned, displayName: attributes.displayName };
}
