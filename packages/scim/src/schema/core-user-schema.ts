import { attr, complex, multiValued } from './attribute-def.ts';
import type { SchemaDef } from './attribute-def.ts';
import { URN } from './urns.ts';

const s = (name: string, description: string) => attr(name, 'string', { description });

/** RFC 7643 §4.1 / §8.7.1: the core User schema, common attributes excluded (see common-attributes.ts). */
export const CORE_USER_SCHEMA: SchemaDef = {
  id: URN.user,
  name: 'User',
  description: 'User Account',
  attributes: [
    attr('userName', 'string', {
      description: 'Unique identifier for the User, typically used to directly authenticate.',
      required: true,
      uniqueness: 'server',
    }),
    complex(
      'name',
      [
        s('formatted', 'The full name, formatted for display.'),
        s('familyName', 'The family name of the User.'),
        s('givenName', 'The given name of the User.'),
        s('middleName', 'The middle name(s) of the User.'),
        s('honorificPrefix', "The honorific prefix(es) of the User, e.g. 'Ms.'."),
        s('honorificSuffix', "The honorific suffix(es) of the User, e.g. 'III'."),
      ],
      { description: "The components of the user's real name." },
    ),
    s('displayName', 'The name of the User, suitable for display to end-users.'),
    s('nickName', 'The casual way to address the user.'),
    attr('profileUrl', 'reference', {
      description: "A URI to the User's online profile.",
      referenceTypes: ['external'],
    }),
    s('title', "The user's title, such as 'Vice President'."),
    s('userType', 'Identifies the relationship between the organization and the user.'),
    s('preferredLanguage', "The User's preferred written or spoken language (RFC 7231 Accept-Language)."),
    s('locale', "The User's default location for localization, e.g. 'en-US'."),
    s('timezone', "The User's time zone in IANA format, e.g. 'America/Los_Angeles'."),
    attr('active', 'boolean', {
      description:
        "A Boolean value indicating the User's administrative status. Optional: left out of a POST or PUT, or removed by a PATCH, it is true.",
    }),
    attr('password', 'string', {
      description:
        "The User's cleartext password; write-only, never returned. Accepted and discarded: people set their own password through their invite.",
      mutability: 'writeOnly',
      returned: 'never',
    }),
    multiValued('emails', { description: 'Email addresses for the user.', types: ['work', 'home', 'other'] }),
    multiValued('phoneNumbers', {
      description: 'Phone numbers for the User.',
      types: ['work', 'home', 'mobile', 'fax', 'pager', 'other'],
    }),
    multiValued('ims', {
      description: 'Instant messaging addresses for the User.',
      types: ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo'],
    }),
    multiValued('photos', {
      description: 'URLs of photos of the User.',
      valueType: 'reference',
      referenceTypes: ['external'],
      types: ['photo', 'thumbnail'],
    }),
    complex(
      'addresses',
      [
        s('formatted', 'The full mailing address, formatted for display.'),
        s('streetAddress', 'The full street address component.'),
        s('locality', 'The city or locality component.'),
        s('region', 'The state or region component.'),
        s('postalCode', 'The zip code or postal code component.'),
        s('country', 'The country name component (ISO 3166-1 alpha-2).'),
        attr('type', 'string', { description: "e.g. 'work' or 'home'.", canonicalValues: ['work', 'home', 'other'] }),
        attr('primary', 'boolean', { description: 'Whether this is the primary address.' }),
      ],
      { multiValued: true, description: 'A physical mailing address for this User.' },
    ),
    complex(
      'groups',
      [
        attr('value', 'string', { description: "The identifier of the User's group.", mutability: 'readOnly' }),
        attr('$ref', 'reference', {
          description: 'The URI of the Group.',
          mutability: 'readOnly',
          referenceTypes: ['Group'],
        }),
        attr('display', 'string', { description: 'A human-readable name.', mutability: 'readOnly' }),
        attr('type', 'string', {
          description: "'direct' or 'indirect' membership.",
          mutability: 'readOnly',
          canonicalValues: ['direct', 'indirect'],
        }),
      ],
      { multiValued: true, mutability: 'readOnly', description: 'A list of groups to which the user belongs.' },
    ),
    multiValued('entitlements', { description: 'A list of entitlements for the User.' }),
    multiValued('roles', { description: 'A list of roles for the User.' }),
    multiValued('x509Certificates', { description: 'A list of certificates issued to the User.', valueType: 'binary' }),
  ],
};
