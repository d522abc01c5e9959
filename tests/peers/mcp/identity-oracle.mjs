// The wire oracle of the AgentCore Identity tests: the AWS SDK for JavaScript's own client and signer for
// GetResourceOauth2Token (service model in @aws-sdk/client-bedrock-agentcore).
//   node identity-oracle.mjs send <endpoint> <input JSON>   sends the request with the SDK (static test credentials, us-west-2)
//   node identity-oracle.mjs sign <request JSON>            prints the SigV4 Authorization the SDK's signer computes for a
//                                                           recorded request {method, url, headers, body} at its X-Amz-Date
import { BedrockAgentCoreClient, GetResourceOauth2TokenCommand } from '@aws-sdk/client-bedrock-agentcore';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@smithy/core/checksum';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'session-token-example',
};
const region = 'us-west-2';
const [mode, first, second] = process.argv.slice(2);

if (mode === 'send') {
  const client = new BedrockAgentCoreClient({ endpoint: first, region, credentials, maxAttempts: 1 });
  try {
    await client.send(new GetResourceOauth2TokenCommand(JSON.parse(second)));
  } catch {
    // The fake endpoint's answer does not matter here: it records the request.
  }
} else if (mode === 'sign') {
  const recorded = JSON.parse(first);
  const url = new URL(recorded.url);
  const date = recorded.headers['x-amz-date'];
  const signingDate = new Date(Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8), +date.slice(9, 11), +date.slice(11, 13), +date.slice(13, 15)));
  const signedNames = /SignedHeaders=([^,]+)/.exec(recorded.headers.authorization)[1].split(';');
  const headers = {};
  for (const name of signedNames) {
    headers[name] = name === 'host' ? url.host : recorded.headers[name];
  }

  const signer = new SignatureV4({ credentials, region, service: 'bedrock-agentcore', sha256: Sha256, applyChecksum: false });
  const signed = await signer.sign(
    { method: recorded.method, protocol: url.protocol, hostname: url.hostname, port: url.port ? +url.port : undefined, path: url.pathname, query: {}, headers, body: recorded.body },
    { signingDate },
  );
  process.stdout.write(signed.headers.authorization ?? signed.headers.Authorization);
} else {
  console.error('usage: identity-oracle.mjs send <endpoint> <input JSON> | sign <request JSON>');
  process.exit(2);
}
