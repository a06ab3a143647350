import { attr, complex } from './attribute-def.ts';
import type { SchemaDef } from './attribute-def.ts';
import { URN } from './urns.ts';

const s = (name: string, description: string) => attr(name, 'string', { description });

/** RFC 7643 §4.3 / §8.7.1: the Enterprise User extension. */
export const ENTERPRISE_USER_SCHEMA: SchemaDef = {
  id: URN.enterpriseUser,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    s('employeeNumber', 'Numeric or alphanumeric identifier assigned to a person.'),
    s('costCenter', 'Identifies the name of a cost center.'),
    s('organization', 'Identifies the name of an organization.'),
    s('division', 'Identifies the name of a division.'),
    s('department', 'Identifies the name of a department.'),
    complex(
      'manager',
      [
        s('value', "The id of the SCIM resource representing the User's manager."),
        attr('$ref', 'reference', { description: "The URI of the manager's SCIM resource.", referenceTypes: ['User'] }),
        attr('displayName', 'string', { description: 'The displayName of the manager.', mutability: 'readOnly' }),
      ],
      { description: "The User's manager." },
    ),
  ],
};
