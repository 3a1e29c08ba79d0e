// sst.config.ts is wiring only, but it is what `npx sst deploy` runs: drive its stacks() with a
// stand-in SST app (SST's own build needs AWS) and check it builds the tested stack and outputs.
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { SSTConfig } from 'sst';
import { setProject } from 'sst/project.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import config from '../../sst.config';
import { forwardedEnvironment, isProductionStage } from '../../stacks/stage';
import { ROOT, SKIP_BUNDLING } from './template';

afterEach(() => vi.unstubAllEnvs());

type Stacks = Parameters<SSTConfig['stacks']>[0];

describe('sst.config.ts', () => {
  it('names the app and defaults the region, which AWS_REGION overrides', async () => {
    vi.stubEnv('AWS_REGION', undefined);
    expect(await (config as SSTConfig).config({})).toEqual({
      name: 'yuhu-block-map',
      region: 'ap-southeast-1',
    });
    vi.stubEnv('AWS_REGION', 'ap-east-1');
    expect((await (config as SSTConfig).config({})).region).toBe('ap-east-1');
  });

  it('builds the Yuhu stack for the stage and exports the URLs and names', () => {
    setProject({ paths: { root: ROOT } } as Parameters<typeof setProject>[0]);
    vi.stubEnv('AUTH_JWKS_URL', 'https://id.example.org/jwks.json');
    vi.stubEnv('DYNAMODB_ENDPOINT', 'http://127.0.0.1:8000');
    const outputs: Record<string, unknown> = {};
    const cdkApp = new App({ context: SKIP_BUNDLING });
    const stack = Object.assign(new Stack(cdkApp, 'prod-yuhu-block-map-Yuhu'), {
      addOutputs: (values: Record<string, unknown>) => Object.assign(outputs, values),
    });
    const sstApp = {
      stack: (fn: (ctx: unknown) => void) => fn.call(stack, { stack, app: { stage: 'prod' } }),
    };
    config.stacks(sstApp as unknown as Stacks);

    expect(Object.keys(outputs).sort()).toEqual(['ApiUrl', 'SiteUrl', 'TableName', 'UploadsBucket']);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true });
    const fn = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) =>
      id.startsWith('ApiFunction'),
    );
    const vars = fn?.[1].Properties.Environment.Variables;
    expect(vars.APP_ENV).toBe('production');
    expect(vars.AUTH_JWKS_URL).toBe('https://id.example.org/jwks.json');
    expect(vars.DYNAMODB_ENDPOINT).toBeUndefined();
  });
});

describe('stage conventions', () => {
  it('treats prod and production as production, anything else not', () => {
    expect(['prod', 'production'].map(isProductionStage)).toEqual([true, true]);
    expect(['dev', 'staging', 'pr-12', 'Production'].map(isProductionStage)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('forwards AUTH_* and the listed settings from the shell, nothing else and nothing empty', () => {
    expect(
      forwardedEnvironment({
        AUTH_JWT_SECRET: 'x'.repeat(32),
        AUTH_ISSUER: '',
        LOG_LEVEL: 'warn',
        CORS_ORIGINS: 'https://a.example',
        AWS_SECRET_ACCESS_KEY: 'never',
        DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
        TABLE_NAME: 'local',
      }),
    ).toEqual({ AUTH_JWT_SECRET: 'x'.repeat(32), LOG_LEVEL: 'warn', CORS_ORIGINS: 'https://a.example' });
  });
});
