import { CopyField } from './copy-field.tsx';

/**
 * A new key's token, shown this once: the server keeps only a hash. "Done" forgets it
 * (the parent resets its mutation), and so does leaving the page.
 */
export function TokenPanel({ token, keyName, onDone }: { token: string; keyName: string; onDone: () => void }) {
  return (
    <section className="token-panel" aria-labelledby="token-title">
      <h2 id="token-title">Copy the key “{keyName}” now</h2>
      <p className="small">
        This is the only time it is shown. Paste it into your identity provider (Okta: API token; Entra ID: Secret
        token). If you lose it, revoke it and create another.
      </p>
      <CopyField label="New key" value={token} secret />
      <button type="button" className="button" onClick={onDone}>
        Done, I have stored it
      </button>
    </section>
  );
}
