import { AppError } from '@provisio/core';
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { expect, it } from 'vitest';
import type { Context } from './context.ts';
import { publicProcedure, router } from './trpc.ts';

const testRouter = router({
  bug: publicProcedure.query(() => {
    throw new Error('E11000 duplicate key on db-host-7:27017 provisio.users');
  }),
  deliberate: publicProcedure.query(() => {
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'stack of the internal thing' });
  }),
  unavailable: publicProcedure.query(() => {
    throw new AppError('UNAVAILABLE', { message: 'The job queue is unreachable: retry in a minute' });
  }),
  conflict: publicProcedure.query(() => {
    throw new AppError('CONFLICT', { message: 'userName is taken' });
  }),
});

async function call(path: string) {
  const res = await fetchRequestHandler({
    endpoint: '/trpc',
    req: new Request(`http://localhost/trpc/${path}`),
    router: testRouter,
    createContext: () => ({ auth: null, requestId: 'req-42' }) as unknown as Context,
  });
  return { status: res.status, body: (await res.json()) as { error: { message: string; data: { code: string } } } };
}

it('never returns the message of an unexpected error: a generic one with the request id', async () => {
  for (const path of ['bug', 'deliberate']) {
    const { status, body } = await call(path);
    expect(status).toBe(500);
    expect(body.error.message).toBe('Internal server error (request req-42)');
    expect(JSON.stringify(body)).not.toMatch(/db-host|E11000|stack of/);
  }
});

it('keeps the message of a domain error, including a deliberate 503', async () => {
  expect((await call('unavailable')).body.error.message).toBe('The job queue is unreachable: retry in a minute');
  expect((await call('conflict')).body.error.message).toBe('userName is taken');
});
