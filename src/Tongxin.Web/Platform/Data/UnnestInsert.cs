using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Tongxin.Platform.Data;

/// <summary>Many added rows of one table as a single PostgreSQL statement:
/// <c>INSERT INTO t (columns) SELECT * FROM unnest($1, $2, …)</c>, one array parameter per column.
/// The database parses, plans and starts it once for all rows (EF sends one INSERT per row), and
/// the statement text depends only on the table, so it is the same for every batch. Columns and
/// value conversions come from the EF model (<see cref="CopyImport"/>).</summary>
public static class UnnestInsert
{
    public static NpgsqlBatchCommand Command(IEntityType entity, IReadOnlyList<EntityEntry> rows)
    {
        var (table, columns) = CopyImport.Describe(entity, clrOnly: false);
        var command = new NpgsqlBatchCommand(
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) "
            + $"SELECT * FROM unnest({string.Join(", ", columns.Select((_, i) => $"${i + 1}"))})");
        foreach (var column in columns)
        {
            var stored = column.Converter?.ProviderClrType ?? column.Property.ClrType;
            var element = Nullable.GetUnderlyingType(stored) ?? stored;
            if (element.IsEnum)
            {
                element = typeof(int);
            }

            if (element.IsValueType && column.Property.IsNullable)
            {
                element = typeof(Nullable<>).MakeGenericType(element);
            }

            var values = Array.CreateInstance(element, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                values.SetValue(column.Stored(rows[i].CurrentValues[column.Property]), i);
            }

            command.Parameters.Add(new NpgsqlParameter { Value = values });
        }

        return command;
    }
}
