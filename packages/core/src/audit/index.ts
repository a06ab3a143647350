export * from './audit-event.ts';
export type { AuditFilter, AuditRepository } from './audit-repository.ts';
export { createAuditCollector } from './audit-collector.ts';
export type { AuditCollector } from './audit-collector.ts';
export { diffRecords } from './diff-records.ts';
export { listAuditEvents, MAX_AUDIT_PAGE } from './list-audit-events.ts';
export { sweepAuditEvents } from './sweep-audit-events.ts';
export { newAuditEvent } from './new-audit-event.ts';
export { actorOf, readStoredActor } from './audit-actor.ts';
