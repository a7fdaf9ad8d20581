using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpinionQueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_OpinionReports_CommitteeId_IsUrgent_SubmittedAt",
                table: "OpinionReports",
                columns: new[] { "CommitteeId", "IsUrgent", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OpinionReports_CommitteeId_SubmitterKind_IsUrgent_SubmittedAt",
                table: "OpinionReports",
                columns: new[] { "CommitteeId", "SubmitterKind", "IsUrgent", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OpinionReports_CommitteeId_IsUrgent_SubmittedAt",
                table: "OpinionReports");

            migrationBuilder.DropIndex(
                name: "IX_OpinionReports_CommitteeId_SubmitterKind_IsUrgent_SubmittedAt",
                table: "OpinionReports");
        }
    }
}
