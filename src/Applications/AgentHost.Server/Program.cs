using AgentHost.Server;

return await ServerApplication.RunAsync(args);
