// Configuration is validated at start: bad settings stop the process with the variable named.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../functions/config.js';

describe('loadConfig', () => {
  it('applies documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      APP_ENV: 'development',
      TABLE_NAME: 'yuhu-blocks',
      PORT: 3000,
      DATA_DIR: '.data',
    });
    expect(c.DYNAMODB_ENDPOINT).toBeUndefined();
    expect(c.authSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('reads and coerces values', () => {
    const c = loadConfig({
      PORT: '8080',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:9000',
      CORS_ORIGINS: 'https://a.cn, https://b.cn',
    });
    expect(c.PORT).toBe(8080);
    expect(c.DYNAMODB_ENDPOINT).toBe('http://127.0.0.1:9000');
    expect(c.corsOrigins).toEqual(['https://a.cn', 'https://b.cn']);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT ("eighty")'],
    [{ PORT: '70000' }, 'PORT ("70000")'],
    [{ DYNAMODB_ENDPOINT: 'localhost:8000' }, 'DYNAMODB_ENDPOINT ("localhost:8000")'],
    [{ TABLE_NAME: 'a b' }, 'TABLE_NAME ("a b")'],
    [{ APP_ENV: 'prod' }, 'APP_ENV ("prod")'],
    [{ AUTH_JWT_SECRET: 'short' }, 'AUTH_JWT_SECRET ("***")'],
    [{ APP_ENV: 'production' }, 'AUTH_JWKS_URL (unset)'],
  ])('refuses %j naming the variable', (env, named) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as ConfigError).message).toContain(named);
    }
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems).toHaveLength(2);
    }
  });

  it('stops the real start-up script with the message', async () => {
    const { execFileSync } = await import('node:child_process');
    let out = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
        env: { ...process.env, PORT: 'not-a-port' },
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (err) {
      const e = err as { status: number; stderr: string };
      expect(e.status).toBe(1);
      out = e.stderr;
    }
    expect(out).toContain('PORT ("not-a-port")');
  });
});
