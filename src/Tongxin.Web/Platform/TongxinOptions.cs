namespace Tongxin.Platform;

/// <summary>The "Tongxin" configuration section (environment: <c>Tongxin__Database__Provider</c> …).</summary>
public sealed class TongxinOptions
{
    public const string Section = "Tongxin";

    /// <summary>Demo mode seeds demo data and allows the demo accounts. A production
    /// configuration sets it false and refuses to start while a demo password is unchanged.</summary>
    public bool DemoMode { get; set; } = true;

    /// <summary>Folder for the SQLite database and uploaded files, relative to the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    public DatabaseOptions Database { get; set; } = new();

    public SecurityOptions Security { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;
}

public sealed class DatabaseOptions
{
    /// <summary><c>Sqlite</c> (embedded, the default) or <c>PostgreSQL</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Empty means <c>data/tongxin.db</c> for SQLite; PostgreSQL needs one.</summary>
    public string ConnectionString { get; set; } = "";

    public bool IsPostgres => Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase)
        || Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);
}

public sealed class SecurityOptions
{
    public int PasswordExpiryDays { get; set; } = 90;
    public int PasswordHistory { get; set; } = 5;
    public int MaxFailedLogins { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 30;
    public int IdleTimeoutMinutes { get; set; } = 30;
}

public sealed class SmtpOptions
{
    /// <summary>Empty: email is off and notifications stay in the in-app inbox.</summary>
    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public string From { get; set; } = "";
}
