import { readFile } from 'node:fs/promises';
import type { Command } from '../command.ts';
import { json, optionalString, requireString, UsageError } from '../command.ts';

type Schema = {
  id: string;
  urn: string;
  name: string;
  status: string;
  version: number;
  storageKey: string;
  attributes: { name: string; type: string; multiValued: boolean; uniqueness: string }[];
  hiddenAttributes: { name: string }[];
  purgedAttributeNames: string[];
};

/** A JSON file (`-`: stdin): a definition is nested (attributes, subAttributes), so it is written, not flagged. */
async function readJson(path: string): Promise<unknown> {
  const text =
    path === '-'
      ? await readStdin()
      : await readFile(path, 'utf8').catch((cause: unknown) => {
          // The reason (no such file, a directory, no permission) is what the user needs to fix it.
          const reason = cause instanceof Error ? cause.message : String(cause);
          throw new UsageError(`cannot read ${path}: ${reason}`, { cause });
        });
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new UsageError(`${path} is not JSON: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const describe = (s: Schema): string[] => [
  `${s.urn} (${s.id}) "${s.name}" ${s.status}, version ${s.version}, stored under ${s.storageKey}`,
  ...s.attributes.map(
    (a) => `  ${a.name}: ${a.type}${a.multiValued ? '[]' : ''}${a.uniqueness === 'server' ? ' unique' : ''}`,
  ),
  ...(s.hiddenAttributes.length ? [`  hidden (values kept): ${s.hiddenAttributes.map((a) => a.name).join(', ')}`] : []),
  ...(s.purgedAttributeNames.length ? [`  deleted with values: ${s.purgedAttributeNames.join(', ')}`] : []),
];

const schemaList: Command = {
  path: ['schema', 'list'],
  summary: "List the org's SCIM extension schemas (admin key)",
  example: 'pnpm cli schema list --all',
  credential: 'org',
  options: { all: { type: 'boolean', description: 'include retired schemas' }, json },
  async run(client, values) {
    const schemas = await client.orgSchemas.list.query({ includeRetired: values['all'] === true });
    return { json: schemas, lines: schemas.length ? schemas.flatMap(describe) : ['No extension schemas.'] };
  },
};

const schemaShow: Command = {
  path: ['schema', 'show'],
  summary: 'Show one extension schema',
  example: 'pnpm cli schema show 0193…',
  credential: 'org',
  positionals: ['id'],
  options: { id: { type: 'string', description: 'schema id' }, json },
  async run(client, values) {
    const schema = await client.orgSchemas.get.query({ id: requireString(values, 'id') });
    return { json: schema, lines: describe(schema) };
  },
};

const schemaRegister: Command = {
  path: ['schema', 'register'],
  summary: 'Register a User extension schema from a JSON file: {"urn", "name", "attributes": [{"name","type",…}]}',
  example: 'pnpm cli schema register --file acme-schema.json',
  credential: 'org',
  options: { file: { type: 'string', description: 'JSON definition (- for stdin)' }, json },
  async run(client, values) {
    const definition = (await readJson(requireString(values, 'file'))) as Parameters<
      typeof client.orgSchemas.register.mutate
    >[0];
    const schema = await client.orgSchemas.register.mutate(definition);
    return { json: schema, lines: ['Registered:', ...describe(schema)] };
  },
};

const schemaChange: Command = {
  path: ['schema', 'change'],
  summary:
    'Change a schema: a new attribute list hides the attributes it leaves out (values kept); --delete-data removes an attribute and erases its values from every user (in the background, a minute later)',
  example: 'pnpm cli schema change 0193… --file attributes.json --delete-data oldCode',
  credential: 'org',
  positionals: ['id'],
  options: {
    id: { type: 'string', description: 'schema id' },
    file: { type: 'string', description: 'JSON: the whole new attribute list, or a definition holding one' },
    name: { type: 'string', description: 'new display name' },
    description: { type: 'string', description: 'new description' },
    'delete-data': {
      type: 'string',
      multiple: true,
      description: 'remove this attribute and erase its values from every user (repeatable; not undoable)',
    },
    json,
  },
  async run(client, values) {
    const file = optionalString(values, 'file');
    const read = file === undefined ? undefined : await readJson(file);
    const attributes = Array.isArray(read) ? read : (read as { attributes?: unknown } | undefined)?.attributes;
    const deleteData = values['delete-data'];
    const name = optionalString(values, 'name');
    const description = optionalString(values, 'description');
    const schema = await client.orgSchemas.change.mutate({
      id: requireString(values, 'id'),
      ...(attributes !== undefined ? { attributes: attributes as never } : {}),
      ...(Array.isArray(deleteData) && deleteData.length ? { deleteData } : {}),
      ...(name !== undefined ? { name } : {}),
      ...(description !== undefined ? { description } : {}),
    });
    return { json: schema, lines: ['Changed:', ...describe(schema)] };
  },
};

const schemaRetire: Command = {
  path: ['schema', 'retire'],
  summary:
    'Retire a schema: it leaves /Schemas, its values stay stored (invisible); --delete-data erases them from every user (in the background, a minute later)',
  example: 'pnpm cli schema retire 0193… --delete-data',
  credential: 'org',
  positionals: ['id'],
  options: {
    id: { type: 'string', description: 'schema id' },
    'delete-data': { type: 'boolean', description: 'also erase every stored value of the schema (not undoable)' },
    json,
  },
  async run(client, values) {
    const deleteData = values['delete-data'] === true;
    const schema = await client.orgSchemas.retire.mutate({ id: requireString(values, 'id'), deleteData });
    const what = deleteData ? 'its values are erased from every user within a few minutes' : 'its values are kept';
    return { json: schema, lines: [`Retired ${schema.urn} (${schema.id}); ${what}.`] };
  },
};

export const schemaCommands: readonly Command[] = [schemaList, schemaShow, schemaRegister, schemaChange, schemaRetire];
