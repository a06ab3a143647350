import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './parse-env.ts';
import { HttpEnv, MongoEnv } from './schemas.ts';

const schema = MongoEnv.extend(HttpEnv.shape);
const base = { MONGODB_URI: 'mongodb://127.0.0.1:27017/p', PROVISIO_ADMIN_TOKEN: 'x'.repeat(32) };

describe('parseEnv', () => {
  it('applies defaults', () => {
    expect(parseEnv(schema, base).PORT).toBe(3000);
  });

  it('names a missing variable in one line', () => {
    const run = () => parseEnv(schema, { PROVISIO_ADMIN_TOKEN: 'x'.repeat(32) });
    expect(run).toThrow(EnvError);
    expect(run).toThrow(/^MONGODB_URI: is required/);
  });

  it('treats an empty value as missing', () => {
    expect(() => parseEnv(schema, { ...base, MONGODB_URI: '' })).toThrow(/^MONGODB_URI: is required/);
  });

  it('names an invalid variable and says what is expected', () => {
    expect(() => parseEnv(schema, { ...base, MONGODB_URI: 'http://x' })).toThrow(
      /^MONGODB_URI: is invalid \(expected a URL like mongodb:/,
    );
    expect(() => parseEnv(schema, { ...base, PORT: '99999' })).toThrow(/^PORT: is invalid/);
    expect(() => parseEnv(schema, { ...base, PORT: 'abc' })).toThrow(/^PORT: is invalid/);
  });
});
