import type { ReactNode } from 'react';

type Tone = 'error' | 'warning' | 'success' | 'info';

/** Errors interrupt screen readers (`alert`); the rest are announced politely (`status`). */
export function Notice({ tone, title, children }: { tone: Tone; title?: string; children?: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <strong className="notice-title">{title}</strong> : null}
      {children ? <div>{children}</div> : null}
    </div>
  );
}
