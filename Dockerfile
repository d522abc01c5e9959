# syntax=docker/dockerfile:1
# The AgentHost runtime container for Amazon Bedrock AgentCore Runtime (HTTP protocol, port 8080, ARM64).
# `agentcore deploy` uploads this build context and builds the image on ARM64 CodeBuild (a native ARM64 build); locally:
#   docker buildx build --platform linux/arm64 -t agenthost .    (on an x64 machine the build stage then runs emulated: slow)
# The restore layer only depends on the project files, so code changes do not invalidate the package cache.
# tests/AgentHost.Deploy.Tests checks that the paths below match the real projects.

ARG DOTNET_VERSION=10.0

# The SDK on Ubuntu 24.04, like the runtime-deps image below: the native binary links against the glibc it then runs on.
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-noble AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# 0. The native toolchain the Native AOT compiler links with (tests/setup/native-aot-toolchain.sh installs the same).
RUN apt-get update && apt-get install -y --no-install-recommends clang lld zlib1g-dev && rm -rf /var/lib/apt/lists/*

# 1. Restore: build settings and every project the server references (directly or transitively).
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Abstractions/AgentHost.Abstractions/AgentHost.Abstractions.csproj src/Abstractions/AgentHost.Abstractions/
COPY src/Core/AgentHost.Core/AgentHost.Core.csproj src/Core/AgentHost.Core/
COPY src/Core/AgentHost.Control/AgentHost.Control.csproj src/Core/AgentHost.Control/
COPY src/Core/AgentHost.Supervision/AgentHost.Supervision.csproj src/Core/AgentHost.Supervision/
COPY src/Integrations/AgentHost.AgentCore.Contracts/AgentHost.AgentCore.Contracts.csproj src/Integrations/AgentHost.AgentCore.Contracts/
COPY src/Integrations/AgentHost.AgentCore.Runtime/AgentHost.AgentCore.Runtime.csproj src/Integrations/AgentHost.AgentCore.Runtime/
COPY src/Integrations/AgentHost.Aws/AgentHost.Aws.csproj src/Integrations/AgentHost.Aws/
COPY src/Integrations/AgentHost.Bedrock/AgentHost.Bedrock.csproj src/Integrations/AgentHost.Bedrock/
COPY src/Integrations/AgentHost.Gateway/AgentHost.Gateway.csproj src/Integrations/AgentHost.Gateway/
COPY src/Integrations/AgentHost.Models.Offline/AgentHost.Models.Offline.csproj src/Integrations/AgentHost.Models.Offline/
COPY src/Integrations/AgentHost.Models.OpenAI/AgentHost.Models.OpenAI.csproj src/Integrations/AgentHost.Models.OpenAI/
COPY src/Integrations/AgentHost.Storage.DynamoDb/AgentHost.Storage.DynamoDb.csproj src/Integrations/AgentHost.Storage.DynamoDb/
COPY src/Integrations/AgentHost.Storage.Sqlite/AgentHost.Storage.Sqlite.csproj src/Integrations/AgentHost.Storage.Sqlite/
COPY src/Integrations/AgentHost.Telemetry/AgentHost.Telemetry.csproj src/Integrations/AgentHost.Telemetry/
COPY src/Applications/AgentHost.DevGateway/AgentHost.DevGateway.csproj src/Applications/AgentHost.DevGateway/
COPY src/Applications/AgentHost.Hosting/AgentHost.Hosting.csproj src/Applications/AgentHost.Hosting/
COPY src/Applications/AgentHost.Hosting.Generators/AgentHost.Hosting.Generators.csproj src/Applications/AgentHost.Hosting.Generators/
COPY src/Applications/AgentHost.Server/AgentHost.Server.csproj src/Applications/AgentHost.Server/ServerRuntime.props src/Applications/AgentHost.Server/
# Restored for linux-arm64 with Native AOT: the runtime packs and the AOT compiler's packages.
RUN dotnet restore src/Applications/AgentHost.Server/AgentHost.Server.csproj -r linux-arm64 -p:PublishAot=true

# 2. Publish: Native AOT for linux-arm64 (AgentCore Runtime runs ARM64 images; `agentcore deploy` builds on ARM64, so
#    this compiles natively there). One self-contained native executable: no JIT, no IL, no runtime to load, so a cold
#    start (one per new session microVM) does only the host's own work (measured: healthy /ping about 4x sooner, a third
#    less memory at ready and a tenth of the first invocation's time of the composite ReadyToRun publish it replaced; see
#    the README's Deploy section). Whole-program trimmed: a trim or AOT warning fails this publish (warnings are errors).
#    Link and symbol settings: ServerRuntime.props.
COPY src/ src/
RUN dotnet publish src/Applications/AgentHost.Server -c Release -r linux-arm64 -p:PublishAot=true -o /app

# 3. Runtime: the runtime dependencies only (chiseled: glibc and a few libraries; no shell, no package manager, no .NET
#    install, no build tools), non-root. The native binary needs only libc and libm (and libssl, loaded when first used).
FROM mcr.microsoft.com/dotnet/runtime-deps:${DOTNET_VERSION}-noble-chiseled AS final
WORKDIR /app
COPY --from=build /app ./
# The host binds 0.0.0.0:$PORT itself (default 8080); ASPNETCORE_URLS/HTTP_PORTS from the base image are cleared.
ENV PORT=8080 \
    ASPNETCORE_URLS= \
    ASPNETCORE_HTTP_PORTS= \
    AGENTHOST_LOG_FORMAT=json
# 1654 is the non-root "app" user of the .NET images.
USER 1654
EXPOSE 8080
ENTRYPOINT ["/app/AgentHost.Server"]
