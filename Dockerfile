# syntax=docker/dockerfile:1
# The AgentHost runtime container for Amazon Bedrock AgentCore Runtime (HTTP protocol, port 8080, ARM64).
# `agentcore deploy` uploads this build context and builds the image on ARM64 CodeBuild; locally:
#   docker buildx build --platform linux/arm64 -t agenthost .
# The restore layer only depends on the project files, so code changes do not invalidate the package cache.
# tests/AgentHost.Deploy.Tests checks that the paths below match the real projects.

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# 1. Restore: build settings and every project the server references (directly or transitively).
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Abstractions/AgentHost.Abstractions/AgentHost.Abstractions.csproj src/Abstractions/AgentHost.Abstractions/
COPY src/Core/AgentHost.Core/AgentHost.Core.csproj src/Core/AgentHost.Core/
COPY src/Integrations/AgentHost.AgentCore.Runtime/AgentHost.AgentCore.Runtime.csproj src/Integrations/AgentHost.AgentCore.Runtime/
COPY src/Integrations/AgentHost.Aws/AgentHost.Aws.csproj src/Integrations/AgentHost.Aws/
COPY src/Integrations/AgentHost.Bedrock/AgentHost.Bedrock.csproj src/Integrations/AgentHost.Bedrock/
COPY src/Integrations/AgentHost.Gateway/AgentHost.Gateway.csproj src/Integrations/AgentHost.Gateway/
COPY src/Integrations/AgentHost.Models.Offline/AgentHost.Models.Offline.csproj src/Integrations/AgentHost.Models.Offline/
COPY src/Integrations/AgentHost.Storage.DynamoDb/AgentHost.Storage.DynamoDb.csproj src/Integrations/AgentHost.Storage.DynamoDb/
COPY src/Integrations/AgentHost.Storage.Sqlite/AgentHost.Storage.Sqlite.csproj src/Integrations/AgentHost.Storage.Sqlite/
COPY src/Applications/AgentHost.DevGateway/AgentHost.DevGateway.csproj src/Applications/AgentHost.DevGateway/
COPY src/Applications/AgentHost.Hosting/AgentHost.Hosting.csproj src/Applications/AgentHost.Hosting/
COPY src/Applications/AgentHost.Server/AgentHost.Server.csproj src/Applications/AgentHost.Server/
# Restored without a runtime identifier (a RID-specific restore of the whole graph asks for runtime packs a
# framework-dependent app never uses); publish completes the linux-arm64 part from the package cache.
RUN dotnet restore src/Applications/AgentHost.Server/AgentHost.Server.csproj

# 2. Publish: framework-dependent for linux-arm64 (AgentCore Runtime runs ARM64 images). No native apphost: the
#    entrypoint is `dotnet AgentHost.Server.dll`, and the linux-arm64 apphost pack is not on every NuGet mirror.
COPY src/ src/
RUN dotnet publish src/Applications/AgentHost.Server -c Release -r linux-arm64 --self-contained false -p:UseAppHost=false -o /app

# 3. Runtime: the ASP.NET Core runtime only (chiseled: no shell, no package manager, no build tools), non-root.
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-noble-chiseled AS final
WORKDIR /app
COPY --from=build /app ./
# The host binds 0.0.0.0:$PORT itself (default 8080); ASPNETCORE_URLS/HTTP_PORTS from the base image are cleared.
ENV PORT=8080 \
    ASPNETCORE_URLS= \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_gcServer=0 \
    AGENTHOST_LOG_FORMAT=json
# 1654 is the non-root "app" user of the .NET images.
USER 1654
EXPOSE 8080
ENTRYPOINT ["dotnet", "AgentHost.Server.dll"]
