// SST v2 app: wiring only. Every resource is defined with plain aws-cdk-lib in stacks/.
import type { SSTConfig } from 'sst';
import type { StackContext } from 'sst/constructs';
import { useProject } from 'sst/project.js';
import { buildYuhuStack } from './stacks/app-stack';
import { forwardedEnvironment } from './stacks/stage';

function Yuhu({ stack, app }: StackContext) {
  const yuhu = buildYuhuStack(stack, {
    stage: app.stage,
    rootDir: useProject().paths.root,
    environment: forwardedEnvironment(process.env),
    alarmEmail: process.env.ALARM_EMAIL,
  });
  stack.addOutputs({
    SiteUrl: yuhu.siteUrl,
    ApiUrl: yuhu.apiUrl,
    TableName: yuhu.table.tableName,
    UploadsBucket: yuhu.uploads.bucketName,
  });
}

export default {
  config() {
    return { name: 'yuhu-block-map', region: process.env.AWS_REGION ?? 'ap-southeast-1' };
  },
  stacks(app) {
    app.stack(Yuhu);
  },
} satisfies SSTConfig;
