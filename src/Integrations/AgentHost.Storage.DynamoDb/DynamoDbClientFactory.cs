using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace AgentHost.Storage.DynamoDb;

/// <summary>Creates the DynamoDB client the store uses, honouring the region and endpoint override of the options.</summary>
public static class DynamoDbClientFactory
{
    /// <summary>The region used to sign requests to an endpoint override when no region is configured: <c>us-east-1</c>.</summary>
    public const string FallbackRegion = "us-east-1";

    /// <summary>
    /// Creates a client. With <see cref="DynamoDbConversationStoreOptions.ServiceUrl"/> set, requests go there
    /// (signed for <see cref="DynamoDbConversationStoreOptions.Region"/>, or <see cref="FallbackRegion"/>).
    /// </summary>
    /// <param name="options">The store options.</param>
    /// <param name="credentials">Credentials; null for the SDK's default chain (environment, profile, SSO, container or instance role).</param>
    /// <param name="configure">Optional last changes to the client configuration (for example an HTTP client factory).</param>
    public static AmazonDynamoDBClient Create(DynamoDbConversationStoreOptions options, AWSCredentials? credentials = null, Action<AmazonDynamoDBConfig>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonDynamoDBConfig();
        if (options.ServiceUrl is not null)
        {
            config.ServiceURL = options.ServiceUrl.ToString();
            config.AuthenticationRegion = options.Region ?? FallbackRegion;
        }
        else if (options.Region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        configure?.Invoke(config);
        return credentials is null ? new AmazonDynamoDBClient(config) : new AmazonDynamoDBClient(credentials, config);
    }
}
