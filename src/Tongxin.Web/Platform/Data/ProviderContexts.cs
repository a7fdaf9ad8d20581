using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Platform.Data;

// One derived context per provider, so each provider keeps its own migrations
// (Platform/Data/Migrations/Sqlite and …/PostgreSql).

public sealed class SqliteTongxinDbContext(DbContextOptions<SqliteTongxinDbContext> options, IActorAccessor actor, TimeProvider time)
    : TongxinDbContext(options, actor, time);

public sealed class PostgresTongxinDbContext(DbContextOptions<PostgresTongxinDbContext> options, IActorAccessor actor, TimeProvider time)
    : TongxinDbContext(options, actor, time);

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTongxinDbContext>
{
    public SqliteTongxinDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTongxinDbContext>().UseSqlite("Data Source=design.db").Options,
            new ActorAccessor(), TimeProvider.System);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTongxinDbContext>
{
    public PostgresTongxinDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTongxinDbContext>().UseNpgsql("Host=localhost;Database=design").Options,
            new ActorAccessor(), TimeProvider.System);
}
