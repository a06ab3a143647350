/** Statuses the HTTP layer raises itself (auth, routing, media type, size). */
export type HttpFailureStatus = 400 | 401 | 403 | 404 | 405 | 413 | 415;

/**
 * A refusal decided by the HTTP layer rather than by @provisio/scim or a procedure. RFC
 * 7644 Table 9 has no 405/415, so ScimError can't carry them; headers (`Allow`,
 * `WWW-Authenticate`) travel with the failure to the one error middleware.
 */
export class ScimHttpFailure extends Error {
  override name = 'ScimHttpFailure';
  readonly status: HttpFailureStatus;
  readonly scimType: 'invalidSyntax' | undefined;
  readonly detail: string;
  readonly headers: Readonly<Record<string, string>>;

  constructor(init: {
    status: HttpFailureStatus;
    detail: string;
    headers?: Record<string, string>;
    scimType?: 'invalidSyntax';
  }) {
    super(init.detail);
    this.status = init.status;
    this.detail = init.detail;
    this.scimType = init.scimType;
    this.headers = init.headers ?? {};
  }
}
