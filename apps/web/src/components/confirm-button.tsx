import { useState } from 'react';

/** A destructive action in two clicks, without a modal: "Revoke" → "Confirm revoke" / "Cancel". */
/** `name` says what the action is on, for screen readers and tests ("Revoke" → "Revoke key entra"). */
export function ConfirmButton({
  label,
  confirmLabel,
  name,
  onConfirm,
  disabled = false,
  busy = false,
}: {
  label: string;
  confirmLabel: string;
  name: string;
  onConfirm: () => void;
  disabled?: boolean;
  busy?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="button button-danger-quiet"
        aria-label={`${label} ${name}`}
        disabled={disabled || busy}
        onClick={() => setAsking(true)}
      >
        {busy ? 'Working…' : label}
      </button>
    );
  }
  return (
    <span className="confirm">
      <button
        type="button"
        className="button button-danger"
        aria-label={`${confirmLabel} ${name}`}
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button-quiet" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
