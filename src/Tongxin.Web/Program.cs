using Tongxin.Platform.Web;

// `dotnet run --project src/Tongxin.Web` starts the product; `… -- seed --scale city` and
// `… -- audit verify` are command-line tools that share the same configuration.
return await TongxinCommands.RunAsync(args);

/// <summary>Exposed for the test host (WebApplicationFactory).</summary>
public partial class Program;
