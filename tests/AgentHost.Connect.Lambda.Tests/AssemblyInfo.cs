using AgentHost.Connect.Lambda.Tests.Support;

// One publish of the bootstrap per test run, shared by every test class.
[assembly: AssemblyFixture(typeof(PublishedBootstrap))]
