/** The CLI's environment: where the server is, and which credential to use. */
export type CliEnv = {
  /** `PROVISIO_URL`, e.g. `http://localhost:3000` (the CLI calls `${url}/trpc`). */
  url: string | undefined;
  /** `PROVISIO_ADMIN_TOKEN`: platform commands (org create, org set-plan, org admin-key). */
  adminToken: string | undefined;
  /** `PROVISIO_TOKEN`: an org application key (`pvk_…`) for everything else. */
  token: string | undefined;
};

export const readCliEnv = (source: Record<string, string | undefined> = process.env): CliEnv => ({
  url: source['PROVISIO_URL'] || undefined,
  adminToken: source['PROVISIO_ADMIN_TOKEN'] || undefined,
  token: source['PROVISIO_TOKEN'] || undefined,
});
