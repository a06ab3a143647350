export * from './service-account-record.ts';
export type { ServiceAccountRepository } from './service-account-repository.ts';
export { createServiceAccount } from './create-service-account.ts';
export type { CreateServiceAccountOptions } from './create-service-account.ts';
export { deleteServiceAccount } from './delete-service-account.ts';
