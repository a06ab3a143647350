import type { RouterOutputs } from '@provisio/client';
import type { Command } from '../command.ts';
import { json, optionalString } from '../command.ts';

type Report = RouterOutputs['scimDoctor']['report'];

const IDP_NAMES = { okta: 'Okta', entra: 'Microsoft Entra ID', unknown: 'an unrecognised client' } as const;

/** The report as lines: per key its IdP, counts, last success, last errors and each hint with its fix. */
export function doctorLines(report: Report): string[] {
  if (!report.connections.length) return [`No SCIM requests since ${report.since}.`];
  return [
    `SCIM connections since ${report.since}:`,
    ...report.connections.flatMap((c) => [
      '',
      `Key ${c.keyName ?? '(unknown)'} (${c.keyId})${c.revoked ? ' [revoked]' : ''}: ${IDP_NAMES[c.idp]}, ${c.requests} request(s), last success ${c.lastSuccessAt ?? 'none'}`,
      `  ${c.byOperation.map((row) => `${row.operation} ${row.status} ×${row.count}`).join(', ')}`,
      ...(c.lastErrors.length ? ['  Last errors:'] : []),
      ...c.lastErrors.map(
        (e) => `    ${e.at} ${e.method} ${e.path} ${e.status}${e.scimType ? ` ${e.scimType}` : ''}: ${e.detail}`,
      ),
      ...(c.hints.length ? [] : ['  No known misconfiguration seen.']),
      ...c.hints.flatMap((h) => [`  Hint: ${h.title}`, `    Seen: ${h.evidence}`, `    Fix: ${h.fix}`]),
    ]),
  ];
}

const scimDoctor: Command = {
  path: ['scim', 'doctor'],
  summary: "What the org's IdP connections did in the last 24 hours, and how to fix what they do wrong",
  example: 'pnpm cli scim doctor --org 0193…',
  credential: 'org-or-platform',
  options: {
    org: { type: 'string', description: 'org id (required with the platform token; an org key: its own org)' },
    json,
  },
  async run(client, values) {
    const orgId = optionalString(values, 'org');
    const report = await client.scimDoctor.report.query(orgId ? { orgId } : {});
    return { json: report, lines: doctorLines(report) };
  },
};

export const scimCommands: readonly Command[] = [scimDoctor];
