using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Evaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdoptedWeightSets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Use = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectTitle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    AdoptedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AdoptedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WeightsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdoptedWeightSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpertId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Judgments = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ConsistencyRatio = table.Column<double>(type: "REAL", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationAnswers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationExperts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Alias = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationExperts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationNodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationNodes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationProjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Use = table.Column<int>(type: "INTEGER", nullable: false),
                    Template = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentRound = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxRounds = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxCoefficientOfVariation = table.Column<double>(type: "REAL", nullable: false),
                    MinKendallW = table.Column<double>(type: "REAL", nullable: false),
                    CrThreshold = table.Column<double>(type: "REAL", nullable: false),
                    Aggregation = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationProjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    KendallW = table.Column<double>(type: "REAL", nullable: true),
                    KendallP = table.Column<double>(type: "REAL", nullable: true),
                    MaxCoefficientOfVariation = table.Column<double>(type: "REAL", nullable: true),
                    Decision = table.Column<int>(type: "INTEGER", nullable: true),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationRounds", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdoptedWeightSets_CommitteeId",
                table: "AdoptedWeightSets",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_AdoptedWeightSets_CommitteeId_Use",
                table: "AdoptedWeightSets",
                columns: new[] { "CommitteeId", "Use" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationAnswers_CommitteeId",
                table: "EvaluationAnswers",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationAnswers_ProjectId_RoundId",
                table: "EvaluationAnswers",
                columns: new[] { "ProjectId", "RoundId" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationAnswers_RoundId_ExpertId_NodeId",
                table: "EvaluationAnswers",
                columns: new[] { "RoundId", "ExpertId", "NodeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationExperts_CommitteeId",
                table: "EvaluationExperts",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationExperts_ProjectId_UserId",
                table: "EvaluationExperts",
                columns: new[] { "ProjectId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationExperts_UserId",
                table: "EvaluationExperts",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationNodes_CommitteeId",
                table: "EvaluationNodes",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationNodes_ProjectId_Key",
                table: "EvaluationNodes",
                columns: new[] { "ProjectId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationNodes_ProjectId_ParentId_SortOrder",
                table: "EvaluationNodes",
                columns: new[] { "ProjectId", "ParentId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationProjects_CommitteeId",
                table: "EvaluationProjects",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationProjects_CommitteeId_CreatedAt",
                table: "EvaluationProjects",
                columns: new[] { "CommitteeId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRounds_CommitteeId",
                table: "EvaluationRounds",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRounds_ProjectId_Number",
                table: "EvaluationRounds",
                columns: new[] { "ProjectId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdoptedWeightSets");

            migrationBuilder.DropTable(
                name: "EvaluationAnswers");

            migrationBuilder.DropTable(
                name: "EvaluationExperts");

            migrationBuilder.DropTable(
                name: "EvaluationNodes");

            migrationBuilder.DropTable(
                name: "EvaluationProjects");

            migrationBuilder.DropTable(
                name: "EvaluationRounds");
        }
    }
}
