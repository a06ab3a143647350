import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.ts';
import type { Outputs } from '../api/trpc.ts';
import { fromNow } from '../lib/format.ts';
import { Notice } from './notice.tsx';
import { QueryState } from './query-state.tsx';

type Connection = Outputs['scimDoctor']['report']['connections'][number];

const IDP_NAMES: Record<Connection['idp'], string> = {
  okta: 'Okta',
  entra: 'Microsoft Entra ID',
  unknown: 'Unrecognised client',
};

function ConnectionDoctor({ c }: { c: Connection }) {
  const label = `${c.keyName ?? 'Unknown key'}${c.revoked ? ' (revoked)' : ''}`;
  return (
    <article className="doctor-connection" aria-label={`Connection ${label}`}>
      <h3>
        {label} · {IDP_NAMES[c.idp]}
      </h3>
      <p className="small muted">
        {c.requests} request(s) in 24 hours · last success {fromNow(c.lastSuccessAt, { past: true })}
      </p>
      {c.hints.length ? (
        c.hints.map((h) => (
          <Notice key={h.code} tone="warning" title={h.title}>
            <p className="small">{h.evidence}.</p>
            <p>
              <strong>Fix:</strong> {h.fix}
            </p>
          </Notice>
        ))
      ) : (
        <Notice tone="success" title="No known misconfiguration seen" />
      )}
      <div className="table-wrap">
        <table className="table" aria-label={`Requests of ${label} by operation and status`}>
          <thead>
            <tr>
              <th scope="col">Operation</th>
              <th scope="col">Status</th>
              <th scope="col">Requests</th>
            </tr>
          </thead>
          <tbody>
            {c.byOperation.map((row) => (
              <tr key={`${row.operation}:${row.status}`}>
                <td className="mono">{row.operation}</td>
                <td>{row.status}</td>
                <td>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {c.lastErrors.length ? (
        <>
          <h4>Last errors</h4>
          <ul className="doctor-errors small">
            {c.lastErrors.map((e, i) => (
              <li key={`${e.at}-${i}`}>
                <span className="muted">{fromNow(e.at, { past: true })}</span>{' '}
                <span className="mono">
                  {e.method} {e.path} {e.status}
                  {e.scimType ? ` ${e.scimType}` : ''}
                </span>
                : {e.detail}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}

/** The IdP connection doctor: per SCIM key, what the IdP did in 24 hours and the fix for what it does wrong. */
export function ScimDoctor() {
  const trpc = useTRPC();
  const report = useQuery(trpc.scimDoctor.report.queryOptions({}));
  const connections = report.data?.connections;
  return (
    <>
      <QueryState isPending={report.isPending} error={report.error} label="the connection doctor" />
      {connections && !connections.length ? <p className="muted">No SCIM requests in the last 24 hours.</p> : null}
      {connections?.map((c) => (
        <ConnectionDoctor key={c.keyId} c={c} />
      ))}
    </>
  );
}
