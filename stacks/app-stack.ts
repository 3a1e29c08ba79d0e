// Composes the infrastructure modules into one stack. Used by sst.config.ts (deploy) and by the
// tests and scripts/synth.ts (plain CDK, offline), so what is tested is what is deployed.
import * as path from 'node:path';
import { RemovalPolicy } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { createAlarms } from './alarms';
import { createHttpApi } from './api';
import { createApiFunction } from './function';
import { appEnvFor, isProductionStage } from './stage';
import { createTable } from './storage';
import { allowBrowserUploads, createUploadsBucket, uploadsOrigin } from './uploads';
import { createWeb } from './web';

export interface YuhuStackProps {
  /** SST stage; `prod`/`production` retain data and enable deletion protection. */
  readonly stage: string;
  /** Repository root (package.json, functions/, web/dist). */
  readonly rootDir: string;
  /** Override the Lambda entry; defaults to `<rootDir>/functions/lambda.ts`. */
  readonly lambdaEntry?: string;
  /** Built web app to upload; defaults to `<rootDir>/web/dist` and is skipped if missing. */
  readonly webDistDir?: string;
  /** Extra Lambda environment (AUTH_* etc.); readable by anyone who can read the stack or function. */
  readonly environment?: Record<string, string>;
  readonly alarmEmail?: string;
}

/** Table, uploads bucket, API function, HTTP API, CDN and alarms, wired together. */
export function buildYuhuStack(scope: Construct, props: YuhuStackProps) {
  const production = isProductionStage(props.stage);
  const removalPolicy = production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
  const table = createTable(scope, { production });
  const uploads = createUploadsBucket(scope, { production, stage: props.stage });
  const fn = createApiFunction(scope, {
    rootDir: props.rootDir,
    entry: props.lambdaEntry ?? path.join(props.rootDir, 'functions', 'lambda.ts'),
    table,
    uploads,
    appEnv: appEnvFor(props.stage),
    environment: props.environment,
    removalPolicy,
  });
  const http = createHttpApi(scope, { handler: fn, removalPolicy });
  const web = createWeb(scope, {
    apiDomainName: http.domainName,
    distDir: props.webDistDir ?? path.join(props.rootDir, 'web', 'dist'),
    removalPolicy,
    production,
    basemapOrigins: (props.environment?.BASEMAP_ORIGINS ?? '').split(',').filter(Boolean),
    photoOrigins: [uploadsOrigin(props.stage)],
  });
  allowBrowserUploads(uploads, [web.url]);
  const alarms = createAlarms(scope, { fn, table, api: http.api, email: props.alarmEmail });
  // apiUrl is the HTTP API itself (smoke tests); the app calls the same routes on siteUrl.
  return { table, uploads, fn, http, web, alarms, apiUrl: http.api.apiEndpoint, siteUrl: web.url };
}

export type YuhuStack = ReturnType<typeof buildYuhuStack>;
