import type { Scope } from '@provisio/core';

/** Procedure metadata: the scope a caller's key must grant (default `admin`). */
export type Meta = { scope?: Scope };
