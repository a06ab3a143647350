import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { createLogger } from './create-logger.ts';

it('redacts credentials wherever they appear', () => {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ name: 'test', destination });
  logger.info({ req: { headers: { authorization: 'Bearer pvk_secret' } }, body: { password: 'hunter2' } }, 'hello');
  const text = lines.join('');
  expect(text).toContain('hello');
  expect(text).not.toContain('pvk_secret');
  expect(text).not.toContain('hunter2');
});

it('redacts secret-named fields at any depth: nested objects, arrays, errors and child bindings', () => {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ name: 'test', destination }).child({ sessionToken: 'bound-s1' });
  const err = Object.assign(new Error('sign-in failed'), {
    attempt: { form: { credentials: { password: 'deep-p2' } } },
  });
  logger.warn(
    {
      a: { b: { c: { d: { password: 'deep-p3', keyId: 'k-visible' } } } },
      list: [{ users: [{ newPassword: 'array-p4', confirm: 'array-p5' }] }],
      headers: { 'x-csrf-token': 'csrf-p6', 'set-cookie': ['sid=cookie-p7'] },
      adminToken: 'top-p8',
      err,
    },
    'nested',
  );
  const text = lines.join('');
  for (const secret of ['bound-s1', 'deep-p2', 'deep-p3', 'array-p4', 'array-p5', 'csrf-p6', 'cookie-p7', 'top-p8'])
    expect(text).not.toContain(secret);
  const line = JSON.parse(text) as {
    a: { b: { c: { d: { keyId: string; password: string } } } };
    err: { type: string; message: string };
  };
  expect(line.a.b.c.d).toEqual({ password: '[redacted]', keyId: 'k-visible' });
  expect(line.err).toMatchObject({ type: 'Error', message: 'sign-in failed' });
});
