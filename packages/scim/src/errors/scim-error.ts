/**
 * The one error type of this package. Every refusal is a ScimError so the HTTP layer can
 * render it with `toScimErrorBody` and tests can rely on `instanceof ScimError`.
 */

/** RFC 7644 Table 9 (with errata 6893: `sensitive` is 403) plus RFC 9865 cursor errors. */
export const SCIM_TYPES_BY_STATUS = {
  400: [
    'invalidFilter',
    'tooMany',
    'mutability',
    'invalidSyntax',
    'invalidPath',
    'noTarget',
    'invalidValue',
    'invalidVers',
    'invalidCursor',
    'expiredCursor',
    'invalidCount',
  ],
  403: ['sensitive'],
  409: ['uniqueness'],
} as const;

type TypedStatus = keyof typeof SCIM_TYPES_BY_STATUS;
export type ScimType = (typeof SCIM_TYPES_BY_STATUS)[TypedStatus][number];
/** Statuses a SCIM error may carry without a `scimType`. */
export type UntypedStatus = 401 | 404 | 412 | 413 | 429 | 500 | 501 | 503;
export type ScimStatus = TypedStatus | UntypedStatus;

/** A `scimType` is only accepted with a status Table 9 allows it for. */
export type ScimErrorInit =
  | {
      [S in TypedStatus]: {
        status: S;
        scimType?: (typeof SCIM_TYPES_BY_STATUS)[S][number];
        detail: string;
        cause?: unknown;
      };
    }[TypedStatus]
  | { status: UntypedStatus; scimType?: undefined; detail: string; cause?: unknown };

export class ScimError extends Error {
  readonly status: ScimStatus;
  readonly scimType: ScimType | undefined;
  readonly detail: string;

  constructor(init: ScimErrorInit) {
    super(init.detail, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ScimError';
    this.status = init.status;
    this.scimType = init.scimType;
    this.detail = init.detail;
  }
}

/** Shorthand for the many 400s; keeps call sites on one line. */
export function badRequest(scimType: (typeof SCIM_TYPES_BY_STATUS)[400][number], detail: string): ScimError {
  return new ScimError({ status: 400, scimType, detail });
}
