using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Tongxin.Platform.Data;

/// <summary>PostgreSQL's binary <c>COPY … FROM STDIN</c> for rows of a mapped entity type: the
/// table, columns and value conversions come from the EF model, so a row goes in as EF would have
/// inserted it. Used by the seeders' bulk writer; <see cref="UnnestInsert"/> (saves that opt in to
/// <see cref="TongxinDbContext.InsertInBulk"/>) shares its column description and fit check.</summary>
public static class CopyImport
{
    /// <summary>One column: the property it stores and the conversion to the stored value.</summary>
    public sealed record Column(IProperty Property, string Name, ValueConverter? Converter)
    {
        /// <summary>The property's value as the column stores it (the model's conversion; an enum
        /// without one as its number).</summary>
        public object? Stored(object? value)
        {
            if (value is not null && Converter is not null)
            {
                value = Converter.ConvertToProvider(value);
            }

            return value is Enum ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : value;
        }
    }

    /// <summary>The table and its columns for <paramref name="entity"/>; with <paramref name="clrOnly"/>
    /// only properties backed by a CLR property (rows read by reflection, not through the change tracker).</summary>
    public static (string Table, IReadOnlyList<Column> Columns) Describe(IEntityType entity, bool clrOnly) =>
        (clrOnly ? ClrDescriptions : Descriptions).GetOrAdd(entity, e => Build(e, clrOnly));

    /// <summary>See <see cref="FitsUncached"/>; the answer per entity type is kept (the model does not change).</summary>
    public static bool Fits(IEntityType entity) => Fitting.GetOrAdd(entity, FitsUncached);

    // Keyed by the model's entity types: one model per provider for the process's lifetime.
    private static readonly ConcurrentDictionary<IEntityType, (string, IReadOnlyList<Column>)> Descriptions = new();
    private static readonly ConcurrentDictionary<IEntityType, (string, IReadOnlyList<Column>)> ClrDescriptions = new();
    private static readonly ConcurrentDictionary<IEntityType, bool> Fitting = new();

    private static (string Table, IReadOnlyList<Column> Columns) Build(IEntityType entity, bool clrOnly)
    {
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{entity.DisplayName()} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !clrOnly || p.PropertyInfo is not null)
            .Select(p => new Column(p, p.GetColumnName(store)!, p.GetTypeMapping().Converter))
            .ToList();
        return (table, columns);
    }

    /// <summary>True when a bulk insert (COPY or unnest) stores exactly what EF's INSERT would: a plain table of its own, no
    /// value the database fills in (defaults, computed columns) and no row referring to another row
    /// of the same table (its foreign key is checked as the row arrives).</summary>
    private static bool FitsUncached(IEntityType entity)
    {
        if (entity.GetTableName() is not { } table || entity.IsOwned() || entity.BaseType is not null
            || entity.GetDerivedTypes().Any() || entity.GetComplexProperties().Any()
            || entity.GetForeignKeys().Any(fk => fk.PrincipalEntityType == entity))
        {
            return false;
        }

        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        return entity.GetProperties().All(p => p.GetColumnName(store) is not null
            && p.GetDefaultValueSql() is null && p.GetComputedColumnSql() is null
            && p.FindAnnotation(RelationalAnnotationNames.DefaultValue) is null
            && InferredTypeFits(p));
    }

    /// <summary>The bulk statements let Npgsql type each value (or array) from its CLR type: text for a
    /// string, timestamptz for a DateTime. Columns stored otherwise (json, timestamp without time
    /// zone …) stay with EF, which sends the column's own type.</summary>
    private static bool InferredTypeFits(IProperty p)
    {
        var stored = p.GetTypeMapping().Converter?.ProviderClrType ?? p.ClrType;
        var column = p.GetColumnType();
        return (Nullable.GetUnderlyingType(stored) ?? stored) switch
        {
            var t when t == typeof(string) => column.StartsWith("text", StringComparison.Ordinal) || column.StartsWith("character varying", StringComparison.Ordinal),
            var t when t == typeof(DateTime) => column.StartsWith("timestamp with time zone", StringComparison.Ordinal),
            _ => true,
        };
    }

    /// <summary>Writes the rows (values in column order) into <paramref name="table"/>.</summary>
    public static async Task WriteAsync(NpgsqlConnection connection, string table, IReadOnlyList<Column> columns,
        IEnumerable<Func<IProperty, object?>> rows, CancellationToken ct)
    {
        var copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                if (column.Stored(row(column.Property)) is { } value)
                {
                    await importer.WriteAsync(value, ct);
                }
                else
                {
                    await importer.WriteNullAsync(ct);
                }
            }
        }

        await importer.CompleteAsync(ct);
    }
}
