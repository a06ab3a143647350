import type { BenchArgs } from './args.ts';
import type { EntraResult } from './phases/entra-sync.ts';
import type { LoadFigures, LookupRow } from './phases/lookups.ts';
import type { SyncResult } from './phases/okta-sync.ts';
import type { RequestCost } from './phases/request-costs.ts';
import type { UsersPageResult } from './phases/users-page.ts';
import type { CursorPagesResult } from './phases/cursor-pages.ts';
import type { GroupChangeRow } from './phases/group-changes.ts';
import type { ScaleCheck } from './phases/scale-checks.ts';
import { formatNumber, markdownTable } from './table.ts';

export type BenchResults = {
  meta: { date: string; commit: string; machine: string; args: BenchArgs; totalSeconds: number };
  lookups: LookupRow[];
  usersPage: UsersPageResult[];
  cursorPages: CursorPagesResult[];
  groupChanges: GroupChangeRow[];
  scaleChecks: ScaleCheck[];
  oktaSync: SyncResult[];
  entraSync: EntraResult;
  requestCosts: RequestCost[];
};

const n0 = (v: number) => formatNumber(v, 0);
const n2 = (v: number) => formatNumber(v, 2);

const dbCpu = (f: LoadFigures) => (f.databaseCpuMsPerRequest === undefined ? 'n/a' : n2(f.databaseCpuMsPerRequest));

function lookupsTable(rows: LookupRow[]) {
  return markdownTable(
    [
      'users per org (2 orgs)',
      'lookup',
      'p50 ms',
      'p99 ms',
      'req/s',
      'errors',
      'CPU ms/req',
      'DB CPU ms/req',
      'baseline p50 ms',
      'baseline p99 ms',
      'baseline req/s',
      'baseline CPU ms/req',
      'baseline DB CPU ms/req',
      'stack ÷ baseline',
    ],
    rows.map((r) => [
      n0(r.size),
      r.lookup,
      r.stack.p50,
      r.stack.p99,
      r.stack.requestsPerSecond,
      n0(r.stack.errors),
      n2(r.stack.cpuMsPerRequest),
      dbCpu(r.stack),
      r.baseline.p50,
      r.baseline.p99,
      r.baseline.requestsPerSecond,
      n2(r.baseline.cpuMsPerRequest),
      dbCpu(r.baseline),
      n2(r.stackToBaseline),
    ]),
  );
}

function usersPageTable(results: UsersPageResult[]) {
  return markdownTable(
    ['users per org', 'view', 'ms (rows + invite states)', 'rows', 'invite-status calls', 'HTTP requests for them'],
    results.flatMap((r) =>
      r.views.map((v) => [
        n0(r.size),
        v.view,
        v.ms,
        n0(v.rows),
        `${n0(v.inviteCalls)} (${r.batchedInvites ? 'invites.statusMany' : 'invites.status'})`,
        n0(v.inviteRequests),
      ]),
    ),
  );
}

function cursorPagesTable(results: CursorPagesResult[]) {
  return markdownTable(
    ['users per org', 'view', 'ms', 'rows', 'near end ÷ first page'],
    results.flatMap((r) =>
      r.views.map((v, i) => [n0(r.size), v.view, v.ms, n0(v.rows), i === 1 ? n2(r.nearEndToFirst) : '']),
    ),
  );
}

function groupChangesTable(rows: GroupChangeRow[]) {
  return markdownTable(
    ['group members (every user of the org)', 'change', 'p50 ms', 'p99 ms', 'errors'],
    rows.map((r) => [n0(r.members), r.change, r.p50, r.p99, n0(r.errors)]),
  );
}

function scaleChecksTable(rows: ScaleCheck[]) {
  return markdownTable(
    ['users per org', 'read', 'ms', 'rows'],
    rows.map((r) => [n0(r.size), r.read, r.ms, n0(r.rows)]),
  );
}

function syncTable(results: SyncResult[]) {
  return markdownTable(
    [
      'concurrency',
      'users done / target',
      'seconds',
      'users/s',
      'requests/s',
      'CPU ms/req',
      'errors',
      'request',
      'count',
      'p50 ms',
      'p99 ms',
      'errors of type',
    ],
    results.flatMap((s) =>
      Object.entries(s.byType).map(([type, f], i) =>
        i === 0
          ? [
              n0(s.concurrency),
              `${n0(s.users)} / ${n0(s.target)}`,
              s.seconds,
              s.usersPerSecond,
              s.requestsPerSecond,
              n2(s.cpuMsPerRequest),
              n0(s.errors),
              type,
              n0(f.count),
              f.p50,
              f.p99,
              n0(f.errors),
            ]
          : ['', '', '', '', '', '', '', type, n0(f.count), f.p50, f.p99, n0(f.errors)],
      ),
    ),
  );
}

function entraTable(e: EntraResult) {
  return markdownTable(
    ['PATCHes', 'seconds', 'PATCH/s', 'p50 ms', 'p99 ms', 'errors', 'CPU ms/req'],
    [
      [
        n0(e.patches),
        e.seconds,
        e.patchesPerSecond,
        e.figures.p50,
        e.figures.p99,
        n0(e.figures.errors),
        n2(e.cpuMsPerRequest),
      ],
    ],
  );
}

function costsTable(costs: RequestCost[]) {
  return markdownTable(
    ['request', 'requests', 'errors', 'p50 ms', 'server CPU ms/req', 'DB round trips/req', 'Redis commands/req'],
    costs.map((c) => [
      c.type,
      n0(c.requests),
      n0(c.errors),
      c.p50,
      n2(c.cpuMsPerRequest),
      c.dbRoundTrips,
      c.redisCommands,
    ]),
  );
}

/** The whole report as Markdown (what `pnpm bench` prints). */
export function renderReport(r: BenchResults): string {
  const { meta } = r;
  return [
    `# pnpm bench${meta.args.quick ? ' --quick' : ''}`,
    '',
    `${meta.date} · commit ${meta.commit} · ${meta.machine} · ${formatNumber(meta.totalSeconds, 0)} s in all`,
    '',
    `## Lookup cost growth (concurrency 8, ${meta.args.lookupSeconds} s a row, stack and baseline in 1 s turns; baseline = express + mongodb driver findOne on the same database; CPU = the answering process, DB CPU = FerretDB + PostgreSQL)`,
    lookupsTable(r.lookups),
    '',
    '## Admin web app users page (tRPC `users.search`, 25 rows, then the invite states of its invited rows; median of up to 3)',
    usersPageTable(r.usersPage),
    '',
    '## SCIM cursor paging (RFC 9865: `GET /Users?cursor=…&count=100`, creation order; median of 7, the views taken in turns; totalResults counted on the first page, carried in the cursor after)',
    cursorPagesTable(r.cursorPages),
    '',
    '## Group member changes (Okta Push Groups: `PATCH /Groups/{id}` removes one member, then adds it back; 40 of each, one at a time, spread over the group)',
    groupChangesTable(r.groupChanges),
    '',
    '## Reads that must not grow with the org (median of 7, the reads taken in turns; the group holds every user of the org)',
    scaleChecksTable(r.scaleChecks),
    '',
    `## Okta-style initial sync into a fresh org (GET filter → POST → every 10th a PATCH), beside ${n0(2 * Math.max(...meta.args.sizes))} seeded users`,
    syncTable(r.oktaSync),
    '',
    '## Entra-style incremental sync (PATCH `Replace` of the work email and family name on seeded users, concurrency 4)',
    entraTable(r.entraSync),
    '',
    `## Per request type (${meta.args.costRequests} each in a fresh org; round trips from the server's histograms, CPU from /proc)`,
    costsTable(r.requestCosts),
    '',
  ].join('\n');
}
