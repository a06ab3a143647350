import { URN } from '../schema/urns.ts';

export type PaginationOptions = {
  cursor: boolean;
  index: boolean;
  defaultPaginationMethod?: 'cursor' | 'index';
  defaultPageSize?: number;
  maxPageSize?: number;
  /** Seconds a cursor stays valid. */
  cursorTimeout?: number;
};

export type ServiceProviderConfigOptions = {
  baseUrl: string;
  documentationUri?: string;
  /** filter.maxResults */
  maxResults: number;
  etag?: boolean;
  sort?: boolean;
  /** Bulk limits (RFC 7644 §3.7.4); without them bulk is unsupported. */
  bulk?: { maxOperations: number; maxPayloadSize: number };
  /** RFC 9865 block; omitted when not given. */
  pagination?: PaginationOptions;
};

/** `/ServiceProviderConfig` (RFC 7643 §5): PATCH yes, bulk when given its limits, filter/sort/etag yes, bearer tokens. */
export function buildServiceProviderConfig(opts: ServiceProviderConfigOptions) {
  const base = opts.baseUrl.replace(/\/+$/, '');
  return {
    schemas: [URN.serviceProviderConfig],
    ...(opts.documentationUri !== undefined ? { documentationUri: opts.documentationUri } : {}),
    patch: { supported: true },
    bulk: opts.bulk ? { supported: true, ...opts.bulk } : { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: opts.maxResults },
    changePassword: { supported: false },
    sort: { supported: opts.sort ?? true },
    etag: { supported: opts.etag ?? true },
    ...(opts.pagination ? { pagination: { ...opts.pagination } } : {}),
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'Authentication scheme using the OAuth Bearer Token Standard',
        specUri: 'https://www.rfc-editor.org/info/rfc6750',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
  };
}
