using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Performance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DutyEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Item = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    SharedWork = table.Column<bool>(type: "INTEGER", nullable: false),
                    Combined = table.Column<bool>(type: "INTEGER", nullable: false),
                    ActivityType = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DutyPlanItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyPlanItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DutyRuleSets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ExcellentMin = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    CompetentMin = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    PassMin = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    MinPlenary = table.Column<int>(type: "INTEGER", nullable: false),
                    MinActivities = table.Column<int>(type: "INTEGER", nullable: false),
                    MinProposals = table.Column<int>(type: "INTEGER", nullable: false),
                    MinReports = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishLeaderboards = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyRuleSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DutyYearScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 11, scale: 2, nullable: false),
                    MeetingPoints = table.Column<decimal>(type: "TEXT", precision: 11, scale: 2, nullable: false),
                    ActivityPoints = table.Column<decimal>(type: "TEXT", precision: 11, scale: 2, nullable: false),
                    ProposalPoints = table.Column<decimal>(type: "TEXT", precision: 11, scale: 2, nullable: false),
                    OpinionPoints = table.Column<decimal>(type: "TEXT", precision: 11, scale: 2, nullable: false),
                    SpeechPoints = table.Column<decimal>(type: "TEXT", precision: 11, scale: 2, nullable: false),
                    SupervisionPoints = table.Column<decimal>(type: "TEXT", precision: 11, scale: 2, nullable: false),
                    LiaisonPoints = table.Column<decimal>(type: "TEXT", precision: 11, scale: 2, nullable: false),
                    PlanPoints = table.Column<decimal>(type: "TEXT", precision: 11, scale: 2, nullable: false),
                    Deductions = table.Column<decimal>(type: "TEXT", precision: 11, scale: 2, nullable: false),
                    ActivitiesAttended = table.Column<int>(type: "INTEGER", nullable: false),
                    PlenaryHalfDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Absences = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalsFiled = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportsSubmitted = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportsAdopted = table.Column<int>(type: "INTEGER", nullable: false),
                    Instructions = table.Column<int>(type: "INTEGER", nullable: false),
                    Speeches = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisionItems = table.Column<int>(type: "INTEGER", nullable: false),
                    MassVisits = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanItemsDone = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    MinimumsMet = table.Column<bool>(type: "INTEGER", nullable: false),
                    MissingMinimums = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyYearScores", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MassVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PeopleServed = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MassVisits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortraitDimensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Categories = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortraitDimensions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DutyRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleSetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Item = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    JointPoints = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    YearCap = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DutyRules_DutyRuleSets_RuleSetId",
                        column: x => x.RuleSetId,
                        principalTable: "DutyRuleSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MassVisitClues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OpinionReportId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MassVisitClues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MassVisitClues_MassVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "MassVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DutyEntries_CommitteeId",
                table: "DutyEntries",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_DutyEntries_CommitteeId_Year_MemberId",
                table: "DutyEntries",
                columns: new[] { "CommitteeId", "Year", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyEntries_MemberId_Year_Item",
                table: "DutyEntries",
                columns: new[] { "MemberId", "Year", "Item" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyEntries_Source_SourceId",
                table: "DutyEntries",
                columns: new[] { "Source", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyPlanItems_CommitteeId",
                table: "DutyPlanItems",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_DutyPlanItems_MemberId_Year",
                table: "DutyPlanItems",
                columns: new[] { "MemberId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyRules_RuleSetId_Item",
                table: "DutyRules",
                columns: new[] { "RuleSetId", "Item" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DutyRuleSets_CommitteeId",
                table: "DutyRuleSets",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_DutyRuleSets_CommitteeId_Year",
                table: "DutyRuleSets",
                columns: new[] { "CommitteeId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DutyYearScores_CommitteeId",
                table: "DutyYearScores",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_DutyYearScores_CommitteeId_Year_MemberId",
                table: "DutyYearScores",
                columns: new[] { "CommitteeId", "Year", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DutyYearScores_CommitteeId_Year_Rank",
                table: "DutyYearScores",
                columns: new[] { "CommitteeId", "Year", "Rank" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyYearScores_MemberId_Year",
                table: "DutyYearScores",
                columns: new[] { "MemberId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_MassVisitClues_CommitteeId",
                table: "MassVisitClues",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_MassVisitClues_VisitId",
                table: "MassVisitClues",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_MassVisits_CommitteeId",
                table: "MassVisits",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_MassVisits_MemberId_Date",
                table: "MassVisits",
                columns: new[] { "MemberId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_PortraitDimensions_CommitteeId",
                table: "PortraitDimensions",
                column: "CommitteeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DutyEntries");

            migrationBuilder.DropTable(
                name: "DutyPlanItems");

            migrationBuilder.DropTable(
                name: "DutyRules");

            migrationBuilder.DropTable(
                name: "DutyYearScores");

            migrationBuilder.DropTable(
                name: "MassVisitClues");

            migrationBuilder.DropTable(
                name: "PortraitDimensions");

            migrationBuilder.DropTable(
                name: "DutyRuleSets");

            migrationBuilder.DropTable(
                name: "MassVisits");
        }
    }
}
