using System.Text.Json.Nodes;
using AgentHost.DevGateway.Data;

namespace AgentHost.DevGateway.Tools;

/// <summary>Runs one catalog tool against the store and returns its JSON result.</summary>
internal delegate JsonNode ToolHandler(ContactCentreStore store, ToolArguments arguments);
