// One stack, no console steps: the bridge Lambda (provided.al2023, arm64, Native AOT bootstrap), the Lex V2 bot whose
// FallbackIntent (and a hand-off intent) calls the Lambda, the Connect integration associations for the Lambda and the bot,
// and the voice and chat flows from ../flows, with their ${...} placeholders filled in.
import * as fs from 'fs';
import * as path from 'path';
import { Duration, Fn, RemovalPolicy, Stack, StackProps, Validations, CfnOutput } from 'aws-cdk-lib';
import * as connect from 'aws-cdk-lib/aws-connect';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as lex from 'aws-cdk-lib/aws-lex';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface ConnectBridgeStackProps extends StackProps {
  /** The Amazon Connect instance (arn:aws:connect:REGION:ACCOUNT:instance/ID). */
  readonly connectInstanceArn: string;
  /** The AgentHost runtime on AgentCore (arn:aws:bedrock-agentcore:REGION:ACCOUNT:runtime/ID). */
  readonly agentRuntimeArn: string;
  /** The runtime endpoint (qualifier). */
  readonly runtimeQualifier: string;
  /** The queue that Escalate transfers to (arn:aws:connect:...:instance/ID/queue/ID). */
  readonly escalationQueueArn: string;
  /** Lex locales, e.g. en_US, en_GB. */
  readonly localeIds: string[];
  /** The folder with the published bootstrap (dotnet publish -r linux-arm64). */
  readonly bootstrapDir: string;
  /** The folder with agenthost-voice.json and agenthost-chat.json. */
  readonly flowsDir: string;
  /** AGENTHOST_LOG_LEVEL of the Lambda. */
  readonly logLevel: string;
}

export class ConnectBridgeStack extends Stack {
  constructor(scope: Construct, id: string, props: ConnectBridgeStackProps) {
    super(scope, id, props);
    if (!fs.existsSync(path.join(props.bootstrapDir, 'bootstrap'))) {
      throw new Error(`${props.bootstrapDir}/bootstrap is missing: run "dotnet publish src/Applications/AgentHost.Connect.Lambda -c Release -r linux-arm64 -o deploy/connect/.build/bootstrap" first.`);
    }

    // --- The bridge Lambda: its own log group and a role that may write there and invoke this one runtime, nothing else.
    const logGroup = new logs.LogGroup(this, 'BridgeLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new iam.Role(this, 'BridgeRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'AgentHost Connect bridge: writes its logs and invokes one AgentCore runtime.',
    });
    role.addToPolicy(new iam.PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [logGroup.logGroupArn],
    }));
    role.addToPolicy(new iam.PolicyStatement({
      actions: ['bedrock-agentcore:InvokeAgentRuntime'],
      resources: [props.agentRuntimeArn, `${props.agentRuntimeArn}/runtime-endpoint/${props.runtimeQualifier}`],
    }));

    const bridge = new lambda.Function(this, 'Bridge', {
      description: 'AgentHost Connect bridge: one customer turn per invocation (Lex V2 code hook and contact-flow events).',
      runtime: lambda.Runtime.PROVIDED_AL2023,
      architecture: lambda.Architecture.ARM_64,
      handler: 'bootstrap',
      code: lambda.Code.fromAsset(props.bootstrapDir, { exclude: ['*.dbg', '*.pdb', '*.xml', '*.json'] }),
      memorySize: 256,
      // The Lex code hook allows 30 s; the bridge itself answers within its per-event budget (8 s by default).
      timeout: Duration.seconds(30),
      role,
      logGroup,
      environment: {
        AGENTHOST_RUNTIME_ARN: props.agentRuntimeArn,
        AGENTHOST_RUNTIME_QUALIFIER: props.runtimeQualifier,
        AGENTHOST_CONNECT_ESCALATION_QUEUE: props.escalationQueueArn,
        AGENTHOST_LOG_LEVEL: props.logLevel,
      },
    });

    // --- The Lex V2 bot: FallbackIntent and a hand-off intent both fulfil through the bridge.
    const botRole = new iam.Role(this, 'BotRole', {
      assumedBy: new iam.ServicePrincipal('lexv2.amazonaws.com'),
      description: 'AgentHost Lex bot: speech synthesis for voice contacts.',
    });
    botRole.addToPolicy(new iam.PolicyStatement({ actions: ['polly:SynthesizeSpeech'], resources: ['*'] }));
    Validations.of(botRole).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason: 'polly:SynthesizeSpeech supports no resource-level permissions; "*" is the only valid resource.',
    });

    const locales = props.localeIds.map((localeId) => ({
      localeId,
      nluConfidenceThreshold: 0.4,
      voiceSettings: { voiceId: 'Joanna', engine: 'neural' },
      intents: [
        {
          name: 'FallbackIntent',
          description: 'Every utterance no other intent matches: sent to the agent through the bridge.',
          parentIntentSignature: 'AMAZON.FallbackIntent',
          fulfillmentCodeHook: { enabled: true },
        },
        {
          name: 'AgentHostHandOff',
          description: 'Requests for a person: also sent to the agent, which decides how to escalate.',
          sampleUtterances: [{ utterance: 'I want to speak to a person' }, { utterance: 'agent' }, { utterance: 'representative' }, { utterance: 'talk to a human' }],
          fulfillmentCodeHook: { enabled: true },
        },
      ],
    }));
    const bot = new lex.CfnBot(this, 'Bot', {
      name: `${id}-bot`,
      description: 'AgentHost: hands every customer turn to the agent runtime through the bridge Lambda.',
      roleArn: botRole.roleArn,
      dataPrivacy: { ChildDirected: false },
      idleSessionTtlInSeconds: 900,
      autoBuildBotLocales: true,
      botLocales: locales,
    });
    const version = new lex.CfnBotVersion(this, 'BotVersion', {
      botId: bot.attrId,
      botVersionLocaleSpecification: props.localeIds.map((localeId) => ({ localeId, botVersionLocaleDetails: { sourceBotVersion: 'DRAFT' } })),
    });
    const alias = new lex.CfnBotAlias(this, 'BotAlias', {
      botId: bot.attrId,
      botAliasName: 'live',
      botVersion: version.attrBotVersion,
      botAliasLocaleSettings: props.localeIds.map((localeId) => ({
        localeId,
        botAliasLocaleSetting: {
          enabled: true,
          codeHookSpecification: { lambdaCodeHook: { lambdaArn: bridge.functionArn, codeHookInterfaceVersion: '1.0' } },
        },
      })),
    });
    bridge.addPermission('LexInvoke', {
      principal: new iam.ServicePrincipal('lexv2.amazonaws.com'),
      sourceArn: alias.attrArn,
      sourceAccount: this.account,
    });

    // --- Connect: the Lambda and the bot associated with the instance (what the console's "Flows" page does), then the flows.
    bridge.addPermission('ConnectInvoke', {
      principal: new iam.ServicePrincipal('connect.amazonaws.com'),
      sourceArn: props.connectInstanceArn,
      sourceAccount: this.account,
    });
    const lambdaAssociation = new connect.CfnIntegrationAssociation(this, 'LambdaAssociation', {
      instanceId: props.connectInstanceArn,
      integrationType: 'LAMBDA_FUNCTION',
      integrationArn: bridge.functionArn,
    });
    const botAssociation = new connect.CfnIntegrationAssociation(this, 'BotAssociation', {
      instanceId: props.connectInstanceArn,
      integrationType: 'LEX_BOT',
      integrationArn: alias.attrArn,
    });

    for (const channel of ['voice', 'chat']) {
      const template = fs.readFileSync(path.join(props.flowsDir, `agenthost-${channel}.json`), 'utf8');
      const flow = new connect.CfnContactFlow(this, `${channel === 'voice' ? 'Voice' : 'Chat'}Flow`, {
        instanceArn: props.connectInstanceArn,
        name: `AgentHost ${channel}`,
        description: `AgentHost ${channel} flow: each turn through the Lex bot to the agent; routes on $.Lex.SessionAttributes.Tool.`,
        type: 'CONTACT_FLOW',
        state: 'ACTIVE',
        content: Fn.sub(template, { LexBotAliasArn: alias.attrArn, EscalationQueueArn: props.escalationQueueArn }),
      });
      flow.node.addDependency(botAssociation, lambdaAssociation);
      new CfnOutput(this, `${channel === 'voice' ? 'Voice' : 'Chat'}FlowArn`, { value: flow.attrContactFlowArn });
    }

    new CfnOutput(this, 'BridgeFunctionName', { value: bridge.functionName });
    new CfnOutput(this, 'BotAliasArn', { value: alias.attrArn });
  }
}
