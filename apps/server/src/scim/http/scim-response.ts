import type { Response } from 'express';

/** Every SCIM answer, errors included, carries this type (Entra warns about anything else). */
export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

export type SendScimOptions = {
  /** The resource version; rendered as the weak ETag `W/"<version>"`. */
  version?: string | number | undefined;
  /** Absolute URL of a created resource, for the `Location` header of a 201. */
  location?: string | undefined;
};

/** Renders a SCIM JSON body with the SCIM media type and, for single resources, an ETag. */
export function sendScim(res: Response, status: number, body: unknown, options: SendScimOptions = {}): void {
  res.status(status).type(SCIM_CONTENT_TYPE);
  if (options.version !== undefined) res.setHeader('ETag', `W/"${options.version}"`);
  if (options.location !== undefined) res.setHeader('Location', options.location);
  res.send(JSON.stringify(body));
}
