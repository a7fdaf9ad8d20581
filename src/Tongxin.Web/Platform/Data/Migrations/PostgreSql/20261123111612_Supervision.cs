using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Platform.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupervisionActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    TopicId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionActivities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionLetters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: true),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    TopicId = table.Column<Guid>(type: "uuid", nullable: true),
                    HandlingUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Recipient = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DraftedByMemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SignedOffBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SignedOffAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Response = table.Column<string>(type: "text", nullable: true),
                    RespondedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RespondedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionLetters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionProblems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    TopicId = table.Column<Guid>(type: "uuid", nullable: true),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReportedByMemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    PublicSubmissionId = table.Column<Guid>(type: "uuid", nullable: true),
                    LiaisonPointId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ConcernedPerson = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ConcernedPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AssignDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    HandlingUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AssignNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReplyDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Reply = table.Column<string>(type: "text", nullable: true),
                    Rectification = table.Column<int>(type: "integer", nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RepliedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ReturnCount = table.Column<int>(type: "integer", nullable: false),
                    ReturnVisitAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnVisitMethod = table.Column<int>(type: "integer", nullable: true),
                    ReturnVisitPerson = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ReturnVisitSatisfaction = table.Column<int>(type: "integer", nullable: true),
                    ReturnVisitNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DismissReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LastRemindedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionProblems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionProblemSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProblemId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionProblemSteps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionTopics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Departments = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    LeadLeader = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SpecialCommitteeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ParentTopicId = table.Column<Guid>(type: "uuid", nullable: true),
                    OpenForLinkage = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionTopics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisorGroupMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisorGroupMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisorGroups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TopicId = table.Column<Guid>(type: "uuid", nullable: true),
                    HandlingUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TermStart = table.Column<DateOnly>(type: "date", nullable: false),
                    TermEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisorGroups", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionActivities_ActivityId",
                table: "SupervisionActivities",
                column: "ActivityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionActivities_CommitteeId",
                table: "SupervisionActivities",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionActivities_GroupId_ActivityId",
                table: "SupervisionActivities",
                columns: new[] { "GroupId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionLetters_CommitteeId",
                table: "SupervisionLetters",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionLetters_CommitteeId_Status",
                table: "SupervisionLetters",
                columns: new[] { "CommitteeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionLetters_CommitteeId_Year_Number",
                table: "SupervisionLetters",
                columns: new[] { "CommitteeId", "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionLetters_GroupId",
                table: "SupervisionLetters",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionProblems_CommitteeId",
                table: "SupervisionProblems",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionProblems_CommitteeId_Status_RecordedAt",
                table: "SupervisionProblems",
                columns: new[] { "CommitteeId", "Status", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionProblems_CommitteeId_Year_Number",
                table: "SupervisionProblems",
                columns: new[] { "CommitteeId", "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionProblems_GroupId",
                table: "SupervisionProblems",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionProblems_HandlingUnitId_Status",
                table: "SupervisionProblems",
                columns: new[] { "HandlingUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionProblems_PublicSubmissionId",
                table: "SupervisionProblems",
                column: "PublicSubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionProblems_TopicId",
                table: "SupervisionProblems",
                column: "TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionProblemSteps_CommitteeId",
                table: "SupervisionProblemSteps",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionProblemSteps_ProblemId_At",
                table: "SupervisionProblemSteps",
                columns: new[] { "ProblemId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionTopics_CommitteeId",
                table: "SupervisionTopics",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionTopics_CommitteeId_Year",
                table: "SupervisionTopics",
                columns: new[] { "CommitteeId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionTopics_ParentTopicId",
                table: "SupervisionTopics",
                column: "ParentTopicId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisorGroupMembers_CommitteeId",
                table: "SupervisorGroupMembers",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisorGroupMembers_GroupId_MemberId",
                table: "SupervisorGroupMembers",
                columns: new[] { "GroupId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisorGroupMembers_MemberId_GroupId",
                table: "SupervisorGroupMembers",
                columns: new[] { "MemberId", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisorGroups_CommitteeId",
                table: "SupervisorGroups",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisorGroups_CommitteeId_IsActive",
                table: "SupervisorGroups",
                columns: new[] { "CommitteeId", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisorGroups_TopicId",
                table: "SupervisorGroups",
                column: "TopicId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupervisionActivities");

            migrationBuilder.DropTable(
                name: "SupervisionLetters");

            migrationBuilder.DropTable(
                name: "SupervisionProblems");

            migrationBuilder.DropTable(
                name: "SupervisionProblemSteps");

            migrationBuilder.DropTable(
                name: "SupervisionTopics");

            migrationBuilder.DropTable(
                name: "SupervisorGroupMembers");

            migrationBuilder.DropTable(
                name: "SupervisorGroups");
        }
    }
}
