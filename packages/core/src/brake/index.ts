export * from './brake-record.ts';
export type { BrakeRepository } from './brake-repository.ts';
export { activeUsersNeeded, brakeEnabled, pastThreshold } from './brake-rule.ts';
export { admitDeprovision } from './admit-deprovision.ts';
export type { AdmitDeprovisionDeps, BrakeAlerts, Deprovision } from './admit-deprovision.ts';
export { brakeStatus, heldRequests, releaseBrake } from './release-brake.ts';
export type { ReleaseBrakeDeps } from './release-brake.ts';
export { withDeprovisionBrake } from './with-deprovision-brake.ts';
