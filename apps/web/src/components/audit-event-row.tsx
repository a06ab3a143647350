import type { Outputs } from '../api/trpc.ts';
import { formatDate, show } from '../lib/format.ts';
import { Badge } from './badge.tsx';

export type AuditEvent = Outputs['audit']['list']['items'][number];

/** The actor as the server names it (older events are already translated by the server). */
const actorLabel = ({ actor, surface }: AuditEvent): string => {
  switch (actor.type) {
    case 'key':
      return `${surface === 'scim' ? 'SCIM key' : 'Key'} ${actor.keyId.slice(0, 13)}…`;
    case 'session':
      return `Admin (web) ${actor.userId.slice(0, 13)}…`;
    case 'platform':
      return 'Platform admin';
    case 'system':
      return 'System';
    case 'anonymous':
      return actor.account ? `a sign-in as ${actor.account}` : 'a sign-in with an admin token';
  }
};

/** One ledger entry: a summary line that opens onto the attribute diff and the request facts. */
export function AuditEventRow({ event }: { event: AuditEvent }) {
  return (
    <details className="event">
      <summary>
        <span className="event-summary">
          <span className="small muted">{formatDate(event.at)}</span>
          <span>
            <strong>{event.action}</strong>{' '}
            {event.resourceType ? <span className="muted">· {event.resourceType}</span> : null}{' '}
            <span className="muted small">by {actorLabel(event)}</span>
          </span>
          <span>
            <Badge value={event.outcome} label={event.status ? `${event.outcome} ${event.status}` : event.outcome} />
          </span>
        </span>
      </summary>
      <div className="event-body">
        {event.changes.length ? (
          <table className="table diff">
            <caption className="sr-only">Changed attributes</caption>
            <thead>
              <tr>
                <th scope="col">Attribute</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
                <th scope="col">Resource</th>
              </tr>
            </thead>
            <tbody>
              {event.changes.map((c, i) => (
                <tr key={`${c.resourceId}-${c.attribute}-${i}`}>
                  <td className="mono small">{c.attribute}</td>
                  <td className="mono small">{show(c.old)}</td>
                  <td className="mono small">{show(c.new)}</td>
                  <td className="mono small muted">
                    {c.resourceType} {c.resourceId.slice(0, 13)}…
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted small">No attribute changed.</p>
        )}
        {event.notes.map((note) => (
          <p key={note} className="notice notice-info small">
            {note}
          </p>
        ))}
        <dl className="details small">
          <div>
            <dt>Request</dt>
            <dd className="mono">{[event.method, event.path].filter(Boolean).join(' ') || '—'}</dd>
          </div>
          <div>
            <dt>Resource id</dt>
            <dd className="mono">{event.resourceId ?? '—'}</dd>
          </div>
          <div>
            <dt>Client</dt>
            <dd>{event.userAgent ?? '—'}</dd>
          </div>
          <div>
            <dt>Address</dt>
            <dd className="mono">{event.address ?? '—'}</dd>
          </div>
          <div>
            <dt>Request id</dt>
            <dd className="mono">{event.requestId ?? '—'}</dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd>{event.durationMs === null ? '—' : `${event.durationMs} ms`}</dd>
          </div>
        </dl>
      </div>
    </details>
  );
}
