using Galen.Evidence.Store;
using Galen.Web;

GalenWebApp.Build(args, GalenStoreOptions.FromEnvironment()).Run();

/// <summary>The entry point, public so that integration tests can host the site.</summary>
public partial class Program;
