import { SamlConfigProblem } from './saml-problem.ts';

export const METADATA_FETCH_LIMITS = { timeoutMs: 5_000, maxBytes: 512 * 1024, maxRedirects: 3 } as const;

const isWebUrl = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';

/**
 * Fetches IdP metadata for an admin: http(s) only (redirects too, at most three), a
 * timeout and a size limit, so a metadata URL cannot make the server read a file, hang or
 * fill its memory. Refusals are SamlConfigProblems naming the cause.
 */
export async function fetchIdpMetadata(
  address: string,
  limits: { timeoutMs: number; maxBytes: number; maxRedirects: number } = METADATA_FETCH_LIMITS,
): Promise<string> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new SamlConfigProblem('the metadata URL is not a URL');
  }
  const signal = AbortSignal.timeout(limits.timeoutMs);
  for (let hop = 0; ; hop++) {
    if (!isWebUrl(url)) throw new SamlConfigProblem('the metadata URL must be http or https');
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'application/xml, text/xml' } });
    } catch (err) {
      const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
      throw new SamlConfigProblem(
        timedOut
          ? `the metadata URL did not answer within ${limits.timeoutMs / 1000} s`
          : 'the metadata URL could not be reached',
      );
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (hop >= limits.maxRedirects) throw new SamlConfigProblem('the metadata URL redirects too many times');
      url = new URL(location, url);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new SamlConfigProblem(`the metadata URL answered HTTP ${response.status}`);
    }
    return readLimited(response, limits.maxBytes);
  }
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const tooBig = () => new SamlConfigProblem(`the metadata is larger than ${maxBytes / 1024} KB`);
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw tooBig();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return '';
  for (;;) {
    const chunk: { done: boolean; value?: Uint8Array } = (await reader.read()) as { done: boolean; value?: Uint8Array };
    if (chunk.done || !chunk.value) break;
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
