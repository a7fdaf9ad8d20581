using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Platform.Data.Migrations.PostgreSql
{
    /// <summary>Part of the initial migration, kept apart from the generated code. 审计日志只追加: the database itself refuses UPDATE, DELETE and TRUNCATE on the audit
    /// log, so not even a bug or a stolen application connection can rewrite history. A DBA who drops
    /// the trigger is still caught by the hash chain (<c>audit verify</c>).</summary>
    public partial class Initial
    {
        private static void CreateAuditAppendOnlyTriggers(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '审计日志只能追加，不能修改或删除（%）。', TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_append_only
                BEFORE UPDATE OR DELETE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_truncate
                BEFORE TRUNCATE ON "AuditEntries"
                FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """);
        }

        private static void DropAuditAppendOnlyTriggers(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS audit_entries_no_truncate ON "AuditEntries";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS audit_entries_append_only ON "AuditEntries";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_entries_append_only();");
        }
    }
}
