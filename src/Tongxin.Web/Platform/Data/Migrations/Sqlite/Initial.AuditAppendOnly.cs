using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Platform.Data.Migrations.Sqlite
{
    /// <summary>Part of the initial migration, kept apart from the generated code. 审计日志只追加: the database itself refuses UPDATE and DELETE on the audit log.
    /// Someone who drops the triggers is still caught by the hash chain (<c>audit verify</c>).</summary>
    public partial class Initial
    {
        private static void CreateAuditAppendOnlyTriggers(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_update
                BEFORE UPDATE ON "AuditEntries"
                BEGIN
                    SELECT RAISE(ABORT, '审计日志只能追加，不能修改。');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_delete
                BEFORE DELETE ON "AuditEntries"
                BEGIN
                    SELECT RAISE(ABORT, '审计日志只能追加，不能删除。');
                END;
                """);
        }

        private static void DropAuditAppendOnlyTriggers(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_no_update;");
        }
    }
}
