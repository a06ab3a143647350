import { z } from 'zod';

/** The IdP's metadata, pasted (`metadataXml`) or fetched by the server from `metadataUrl`. */
export const ZSetIdpRequestSchema = z.union([
  z
    .object({
      metadataXml: z
        .string()
        .min(1)
        .max(512 * 1024),
    })
    .strict(),
  z
    .object({
      metadataUrl: z.url({ protocol: /^https?$/, error: 'metadataUrl must be an http or https URL' }).max(2048),
    })
    .strict(),
]);
