// Synthesizes the composed stack with plain aws-cdk-lib (what SST deploys), offline and without
// bundling, and offers small lookups over the resulting CloudFormation template.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildYuhuStack, type YuhuStackProps } from '../../stacks/app-stack';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Stand-in entry: bundling is skipped, so the real handler never has to compile for these tests. */
export const STUB_ENTRY = path.join(ROOT, 'tests/infra/fixtures/lambda-stub.ts');
/** Skips every NodejsFunction/asset bundling step; the template is otherwise identical. */
export const SKIP_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON, navigated freely
export type Resource = { Type: string; Properties: Record<string, any>; [key: string]: any };

/** A throw-away built web app, so the BucketDeployment branch can be exercised. */
export function fakeWebDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuhu-web-dist-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>雨湖区</title>');
  return dir;
}

export function synthesize(props: Partial<YuhuStackProps> & { stage: string }): Template {
  const app = new App({ context: SKIP_BUNDLING });
  const stack = new Stack(app, `Test-${props.stage}`, {
    env: { account: '123456789012', region: 'ap-southeast-1' },
  });
  buildYuhuStack(stack, {
    rootDir: ROOT,
    lambdaEntry: STUB_ENTRY,
    webDistDir: path.join(os.tmpdir(), 'yuhu-no-such-dist'),
    ...props,
  });
  return Template.fromStack(stack);
}

/** The single resource of a type whose logical id starts with `prefix` (CDK appends a hash). */
export function only(template: Template, type: string, prefix: string): { id: string; resource: Resource } {
  const matches = Object.entries(template.findResources(type)).filter(([id]) => id.startsWith(prefix));
  if (matches.length !== 1) {
    throw new Error(
      `expected one ${type} named ${prefix}*, found ${matches.map(([id]) => id).join(', ') || 'none'}`,
    );
  }
  const [id, resource] = matches[0];
  return { id, resource: resource as Resource };
}

export const getAtt = (id: string, attribute = 'Arn') => ({ 'Fn::GetAtt': [id, attribute] });
export const ref = (id: string) => ({ Ref: id });
export const arrayOf = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
