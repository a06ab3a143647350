import { useId, useState } from 'react';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A read-only value with a Copy button: SCIM base URLs and one-time tokens. */
export function CopyField({ label, value, secret = false }: { label: string; value: string; secret?: boolean }) {
  const id = useId();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input
          id={id}
          className={secret ? 'mono secret' : 'mono'}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
        />
        <button
          type="button"
          className="button"
          onClick={() => void copy(value).then((ok) => setState(ok ? 'copied' : 'failed'))}
          aria-label={`Copy ${label}`}
        >
          {state === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <span className="sr-status" role="status">
        {state === 'copied'
          ? `${label} copied to the clipboard`
          : state === 'failed'
            ? 'Copy failed: select the text and copy it yourself'
            : ''}
      </span>
    </div>
  );
}
