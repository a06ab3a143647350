import type { RouterInputs } from '../root.ts';

type UserInput = RouterInputs['users']['create']['attributes'];
const E = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** A fixed set of users covering every attribute kind the filter translator maps. */
export const FILTER_USERS: UserInput[] = [
  {
    userName: 'Ann.Smith@Example.com', externalId: 'EXT-1', displayName: 'Ann Smith', title: 'Engineer', active: true,
    name: { givenName: 'Ann', familyName: 'Smith' },
    emails: [{ value: 'ann@work.com', type: 'work', primary: true }, { value: 'ann@home.com', type: 'home' }],
    phoneNumbers: [{ value: '+1 555', type: 'mobile' }],
    addresses: [{ type: 'work', locality: 'Paris', country: 'FR', primary: true }],
    enterprise: { department: 'R&D', employeeNumber: '001', manager: { value: 'mgr-1' } },
  },
  { userName: 'bob@example.com', externalId: 'ext-1', displayName: 'Bob', title: 'engineer', active: false, emails: [{ value: 'BOB@WORK.COM', type: 'work' }], enterprise: { department: 'Sales' } },
  { userName: 'cy@example.com', userType: 'Contractor', active: true, name: { familyName: 'Young' }, emails: [{ value: 'cy@home.com', type: 'home', primary: true }] },
  {
    userName: 'Dee@Example.org', displayName: 'dee (x)', nickName: 'D.*', active: true,
    emails: [{ value: 'dee@work.com', type: 'work' }, { value: 'dee2@work.com', type: 'work', primary: true }],
    roles: [{ value: 'admin', primary: true }],
  },
  {
    userName: 'eve@example.com', externalId: 'abc', title: 'Zookeeper', active: true,
    emails: [{ type: 'work', value: 'eve@work.com', display: 'Eve Work' }],
    addresses: [{ type: 'home', locality: 'Berlin' }],
    enterprise: { manager: { value: 'mgr-2', displayName: 'Boss' } },
  },
  { userName: 'fay@example.com', active: true },
];

/** Filters (with `$ANN`/`$GROUP` placeholders for ids), each checked against @provisio/scim's `matches`. */
export const USER_FILTERS: string[] = [
  'userName eq "ann.smith@example.com"', 'userName eq "ANN.SMITH@EXAMPLE.COM"', 'userName co "example"', 'userName sw "B"',
  'userName ew ".ORG"', 'userName gt "c"', 'userName le "cy@example.com"', 'userName ne "bob@example.com"',
  'externalId eq "EXT-1"', 'externalId eq "ext-1"', 'externalId pr', 'not (externalId pr)', 'externalId eq null', 'externalId ne null',
  'externalId sw "E"', 'externalId gt "a"', 'id eq "$ANN"', 'id ne "$ANN"', 'displayName co "smith"', 'displayName pr', 'displayName co "(x)"',
  'nickName eq "d.*"', 'nickName co ".*"', 'nickName co "."', 'title eq "ENGINEER"', 'title gt "f"', 'title ne "engineer"', 'userType eq null',
  'emails[type eq "work"].value eq "bob@work.com"', 'emails[type eq "work"]', 'emails[type eq "home" and primary eq true]',
  'emails[type eq "work" or value co "home"]', 'emails[not (type eq "work")]', 'emails[type ne "work"]', 'emails[display pr]',
  'emails[value ew "work.com" and not (primary eq true)]', 'emails.value co "work"', 'emails co "home"',
  'emails.type eq "home" and emails.primary eq true', 'emails pr', 'not (emails pr)', 'emails.primary eq false', 'phoneNumbers pr',
  'name.familyName eq "smith"', 'name[givenName eq "ann"]', 'name pr', 'name.givenName pr', 'roles[primary eq true]', 'x509Certificates pr',
  `${E}:department eq "r&d"`, `${E}:department ne "r&d"`, `${E}:manager.value eq "mgr-1"`, `${E}:manager pr`, `${E}:manager.displayName pr`,
  `${E}:employeeNumber pr`, 'department eq "sales"',
  'active eq true', 'active eq false', 'active ne true', 'not (active eq false)', 'active pr',
  'meta.created gt "2000-01-01T00:00:00Z"', 'meta.created lt "2024-01-01T00:02:30Z"', 'meta.created eq "2024-01-01T00:01:00Z"',
  'meta.lastModified ge "2024-01-01T00:04:00Z"', 'meta.created co "2024"', 'meta.resourceType eq "User"', 'meta.resourceType eq "Group"',
  'addresses[type eq "work" and locality eq "paris"]', 'addresses.locality sw "b"', 'addresses[country pr]',
  '(userName sw "a" or userName sw "b") and not (active eq false)', 'not (userName sw "a" or title pr)',
  'groups eq "$GROUP"', 'groups[value eq "$GROUP"]', 'groups pr', 'not (groups.value ne "$GROUP")', 'not (groups eq null)',
  'not (not (emails[type eq "work"]))', 'not (userName sw "a" or not (groups pr))',
];

export const GROUP_FILTERS: string[] = [
  'displayName eq "ENGINEERING"', 'displayName co "ing"', 'displayName gt "m"', 'externalId eq "G-1"', 'externalId eq "g-1"',
  'id eq "$GROUP"', 'members eq "$ANN"', 'members[value eq "$ANN"]', 'members pr', 'not (members.value ne "$ANN")',
  'members.display co "ann"', 'members[display sw "c" or value eq "$ANN"]', 'members[not (display sw "a")]', 'members.type eq "user"',
  'not (members eq null)', 'meta.created ge "2024-01-01T00:07:00Z"', 'displayName pr and members pr',
  'not (displayName eq "empty" and not (members pr))',
];

/**
 * Filters that would exclude by a list of ids that grows with the org (a negated member
 * test or value path), or name more than 10 value-path and member terms: refused.
 */
export const REFUSED_FILTERS: Array<{ resourceType: 'User' | 'Group'; filter: string; detail: RegExp }> = [
  { resourceType: 'Group', filter: 'not (members pr)', detail: /^Cannot exclude by 'members'/ },
  { resourceType: 'Group', filter: 'members eq null', detail: /^Cannot exclude by 'members\.value'/ },
  { resourceType: 'Group', filter: 'members.value ne "$ANN"', detail: /^Cannot exclude by 'members\.value'/ },
  { resourceType: 'Group', filter: 'not (members[value eq "$ANN"])', detail: /^Cannot exclude by 'members'/ },
  { resourceType: 'Group', filter: 'displayName pr and not (displayName eq "x" or members pr)', detail: /^Cannot exclude by 'members'/ },
  { resourceType: 'User', filter: 'not (groups pr)', detail: /^Cannot exclude by 'groups'/ },
  { resourceType: 'User', filter: 'groups.value ne "$GROUP"', detail: /^Cannot exclude by 'groups\.value'/ },
  { resourceType: 'User', filter: 'not (emails[type eq "work"])', detail: /^Cannot exclude by 'emails'/ },
  { resourceType: 'User', filter: 'userName pr and not (not (not (addresses[country pr])))', detail: /^Cannot exclude by 'addresses'/ },
  {
    resourceType: 'User',
    filter: Array.from({ length: 11 }, (_, i) => `emails[value eq "u${i}@example.com"]`).join(' or '),
    detail: /^This filter has 11 value-path or member terms .* at most 10 are allowed per filter: split it/,
  },
  {
    resourceType: 'User',
    filter: [...Array.from({ length: 6 }, (_, i) => `emails[value eq "u${i}@example.com"]`), ...Array.from({ length: 5 }, () => 'groups eq "$GROUP"')].join(' or '),
    detail: /^This filter has 11 value-path or member terms/,
  },
];

/** The most value-path and member terms one filter may have. */
export const TEN_TERMS = Array.from({ length: 10 }, (_, i) => (i % 2 ? `emails[value eq "u${i}@example.com"]` : 'groups eq "$GROUP"')).join(' or ');
