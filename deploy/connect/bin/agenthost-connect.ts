#!/usr/bin/env node
// The CDK app: Amazon Connect in front of an AgentHost runtime. Every setting is a context value (cdk.json or -c KEY=VALUE);
// the required ones have no default and stop the synth with a message naming them.
import * as path from 'path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ConnectBridgeStack } from '../lib/connect-bridge-stack';

const app = new App();

function context(name: string, required: boolean): string | undefined {
  const value = app.node.tryGetContext(`agenthost:${name}`);
  if ((value === undefined || value === null || `${value}`.trim() === '') && required) {
    throw new Error(`Missing context value agenthost:${name} (cdk.json or -c agenthost:${name}=...). See the README section "Amazon Connect".`);
  }
  return value === undefined || value === null ? undefined : `${value}`.trim();
}

const projectRoot = path.resolve(__dirname, '..', '..');
const bootstrapDir = path.resolve(projectRoot, context('bootstrapDir', true)!);

const stack = new ConnectBridgeStack(app, context('stackName', true)!, {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  connectInstanceArn: context('connectInstanceArn', true)!,
  agentRuntimeArn: context('agentRuntimeArn', true)!,
  runtimeQualifier: context('runtimeQualifier', false) ?? 'DEFAULT',
  escalationQueueArn: context('escalationQueueArn', true)!,
  localeIds: (context('localeIds', false) ?? 'en_US').split(',').map((l) => l.trim()).filter((l) => l.length > 0),
  bootstrapDir,
  flowsDir: path.resolve(projectRoot, 'flows'),
  logLevel: context('logLevel', false) ?? 'Information',
});

// cdk-nag's AWS Solutions rules run on every synth; a finding that is not acknowledged (with a reason, in the stack) fails it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
void stack;
