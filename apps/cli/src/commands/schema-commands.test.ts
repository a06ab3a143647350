import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';

// No server is reached: the file is read (and refused) before any call.
const env = { url: 'http://127.0.0.1:9', adminToken: undefined, token: 'pvk_test' };

async function run(argv: string[]) {
  let stderr = '';
  const code = await runCli(argv, env, { stdout: () => undefined, stderr: (text) => (stderr += text) });
  return { code, stderr };
}

it('a definition file that cannot be read says why (the cause is kept)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'provisio-cli-'));
  expect(await run(['schema', 'register', '--file', join(dir, 'missing.json')])).toEqual({
    code: 2,
    stderr: expect.stringMatching(/cannot read .*missing\.json: ENOENT: no such file or directory/),
  });
  expect(await run(['schema', 'register', '--file', dir])).toEqual({
    code: 2,
    stderr: expect.stringMatching(/cannot read .*: EISDIR/),
  });
  writeFileSync(join(dir, 'bad.json'), '{ nope');
  expect(await run(['schema', 'register', '--file', join(dir, 'bad.json')])).toEqual({
    code: 2,
    stderr: expect.stringMatching(/bad\.json is not JSON: .+/),
  });
});
