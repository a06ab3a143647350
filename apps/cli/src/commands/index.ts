import type { Command } from '../command.ts';
import { accessCommands } from './access-commands.ts';
import { brakeCommands } from './brake-commands.ts';
import { orgCommands } from './org-commands.ts';
import { eventsCommands } from './events-commands.ts';
import { readCommands } from './read-commands.ts';
import { rolesCommands } from './roles-commands.ts';
import { schemaCommands } from './schema-commands.ts';
import { scimCommands } from './scim-commands.ts';
import { ssoCommands } from './sso-commands.ts';
import { userCommands } from './user-commands.ts';
import { webhooksCommands } from './webhooks-commands.ts';

export const COMMANDS: readonly Command[] = [
  ...orgCommands,
  ...accessCommands,
  ...readCommands,
  ...userCommands,
  ...eventsCommands,
  ...schemaCommands,
  ...brakeCommands,
  ...scimCommands,
  ...ssoCommands,
  ...rolesCommands,
  ...webhooksCommands,
];
