// Offline CloudFormation synthesis of the deployed stack (the same modules sst.config.ts wires),
// with plain aws-cdk-lib: no AWS account, no network. Usage: npm run synth -- [--stage <name>]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { buildYuhuStack } from '../stacks/app-stack';
import { forwardedEnvironment } from '../stacks/stage';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function argument(name: string): string | undefined {
  const args = process.argv.slice(2);
  const inline = args.find((arg) => arg.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

const stage = argument('stage') ?? 'dev';
const outdir = path.join(rootDir, 'cdk.out');
const entry = path.join(rootDir, 'functions', 'lambda.ts');
const bundle = fs.existsSync(entry);
let lambdaEntry: string | undefined;
if (!bundle) {
  // NodejsFunction only checks that the entry exists when bundling is skipped.
  lambdaEntry = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yuhu-synth-')), 'lambda.ts');
  fs.writeFileSync(lambdaEntry, 'export const handler = async () => ({ statusCode: 503 });\n');
  console.log(
    `note: ${path.relative(rootDir, entry)} not found; Lambda bundling skipped (placeholder code).`,
  );
}

const started = performance.now();
const app = new App({ outdir, context: bundle ? {} : { 'aws:cdk:bundling-stacks': [] } });
// Same name SST gives the stack: <stage>-<app name>-<stack function>.
const stack = new Stack(app, `${stage}-yuhu-block-map-Yuhu`, {
  env: { region: process.env.AWS_REGION ?? 'ap-southeast-1' },
});
buildYuhuStack(stack, { stage, rootDir, lambdaEntry, environment: forwardedEnvironment(process.env) });
const assembly = app.synth();

const artifact = assembly.getStackByName(stack.stackName);
const resources: Record<string, { Type: string }> = artifact.template.Resources ?? {};
const counts = new Map<string, number>();
for (const { Type } of Object.values(resources)) counts.set(Type, (counts.get(Type) ?? 0) + 1);
const summary = [...counts]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([type, n]) => `${type.replace(/^AWS::/, '')}×${n}`)
  .join(', ');
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`stage ${stage}: ${path.relative(process.cwd(), path.join(outdir, artifact.templateFile))}`);
console.log(`${Object.keys(resources).length} resources in ${seconds}s: ${summary}`);
