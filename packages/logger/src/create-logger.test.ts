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
