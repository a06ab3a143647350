import { randomBytes } from 'node:crypto';
import { UUID_PATTERN } from '../ids/uuid-v7.ts';

const hex = (bytes: Buffer) => {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/** The smallest UUIDv7 of millisecond `ms`: every id made at or after `ms` sorts at or above it. */
export function eventIdFloor(ms: number): string {
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(Math.max(0, Math.floor(ms)), 0, 6);
  bytes[6] = 0x70;
  bytes[8] = 0x80;
  return hex(bytes);
}

/** The millisecond a UUIDv7 was made at; NaN when `id` is not a UUIDv7. */
export function timeOfEventId(id: string): number {
  if (!UUID_PATTERN.test(id) || id[14] !== '7') return Number.NaN;
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

/**
 * UUIDv7s that strictly increase within this process, even within one millisecond (the
 * 12-bit `rand_a` field is a counter), so one writer's events keep their order.
 */
export function createEventIdGenerator(): (now: number) => string {
  let lastMs = -1;
  let counter = 0;
  return (now) => {
    if (now > lastMs) {
      lastMs = now;
      counter = randomBytes(2).readUInt16BE() & 0x3ff;
    } else if (++counter > 0xfff) {
      lastMs += 1;
      counter = 0;
    }
    const bytes = randomBytes(16);
    bytes.writeUIntBE(lastMs, 0, 6);
    bytes[6] = 0x70 | (counter >> 8);
    bytes[7] = counter & 0xff;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    return hex(bytes);
  };
}
