import type { OrgAttribute, OrgSchemaDefinition } from './org-schema-definition.ts';

export const ORG_SCHEMA_STATUSES = ['active', 'retired'] as const;
export type OrgSchemaStatus = (typeof ORG_SCHEMA_STATUSES)[number];

/**
 * A registered extension schema. Users' values live under `attributes.extensions[storageKey]`,
 * a key made at registration (never the URN: URNs hold dots, which storage keys cannot).
 */
export type OrgSchemaRecord = OrgSchemaDefinition & {
  id: string;
  orgId: string;
  storageKey: string;
  /** Removed from the definition, values kept: invisible until added back with the same type. */
  hiddenAttributes: OrgAttribute[];
  /** Removed with their values: never shown or kept again, and the names cannot be reused. */
  purgedAttributeNames: string[];
  status: OrgSchemaStatus;
  version: number;
  created: string;
  lastModified: string;
};
