import { createServer } from 'node:http';
import { createProvisioClient } from '@provisio/client';
import type { RouterOutputs } from '@provisio/client';

type SignedIn = RouterOutputs['sso']['exchangeCode'];

/**
 * The product behind Provisio, as the client README shows it: its `/sso/callback` takes the
 * code and org of an SSO sign-in and exchanges the code through `@provisio/client` with that
 * org's `users:read` key. It records each exchange's answer, or its error message.
 */
export async function startProductBackend({ port, provisioUrl }: { port: number; provisioUrl: string }) {
  const keys = new Map<string, string>();
  const exchanges: (SignedIn | { error: string })[] = [];
  const returnUrl = `http://127.0.0.1:${port}/sso/callback`;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', returnUrl);
    if (url.pathname !== '/sso/callback') return void res.writeHead(404).end(); // the browser's favicon.ico
    const org = url.searchParams.get('org') ?? '';
    const client = createProvisioClient({ url: `${provisioUrl}/trpc`, token: keys.get(org) ?? 'no key' });
    client.sso.exchangeCode.mutate({ code: url.searchParams.get('code') ?? '', returnUrl }).then(
      (answer) => {
        exchanges.push(answer);
        res.end(`<h1>Welcome, ${answer.user.displayName ?? answer.user.userName}</h1>`);
      },
      (error: unknown) => {
        exchanges.push({ error: String(error) });
        res.statusCode = 401;
        res.end('<h1>Sign-in failed</h1>');
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    returnUrl,
    exchanges,
    /** The `users:read` key the backend uses for `orgId`. */
    setKey: (orgId: string, token: string) => void keys.set(orgId, token),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
