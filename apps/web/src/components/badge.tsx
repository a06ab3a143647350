const TONES: Record<string, string> = {
  active: 'green',
  accepted: 'green',
  sent: 'blue',
  invited: 'blue',
  pending: 'grey',
  deactivated: 'grey',
  expired: 'amber',
  failed: 'red',
  revoked: 'red',
  success: 'green',
  failure: 'red',
};

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function Badge({ value, label }: { value: string; label?: string }) {
  return <span className={`badge badge-${TONES[value] ?? 'grey'}`}>{sentence(label ?? value)}</span>;
}
