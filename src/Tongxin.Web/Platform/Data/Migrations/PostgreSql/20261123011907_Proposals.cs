using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Platform.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Proposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProposalAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    HandlingUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    HandlingUnitName = table.Column<string>(type: "text", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnReason = table.Column<string>(type: "text", nullable: true),
                    ReturnRequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnDecisionNote = table.Column<string>(type: "text", nullable: true),
                    CoOpinion = table.Column<string>(type: "text", nullable: true),
                    CoOpinionAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SoonDueNotifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OverdueNotifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalAssignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposalComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalComments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposalContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Notes = table.Column<string>(type: "text", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalContacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposalDeadlineChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    ChangedBy = table.Column<string>(type: "text", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalDeadlineChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposalHistory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorName = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalHistory", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposalInstructions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeaderUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeaderName = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    GivenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalInstructions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposalProjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalProjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposalRatings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    ForProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberName = table.Column<string>(type: "text", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Attitude = table.Column<int>(type: "integer", nullable: false),
                    Result = table.Column<int>(type: "integer", nullable: false),
                    OnPoint = table.Column<int>(type: "integer", nullable: true),
                    ConsultedHow = table.Column<string>(type: "text", nullable: true),
                    Comment = table.Column<string>(type: "text", nullable: true),
                    RatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalRatings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposalReplies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    HandlingUnitName = table.Column<string>(type: "text", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Signer = table.Column<string>(type: "text", nullable: false),
                    ReplyClass = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewNote = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalReplies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Situation = table.Column<string>(type: "text", nullable: false),
                    Suggestions = table.Column<string>(type: "text", nullable: false),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SuggestedUnits = table.Column<string>(type: "text", nullable: false),
                    MayPublish = table.Column<bool>(type: "boolean", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    GroupName = table.Column<string>(type: "text", nullable: true),
                    LeadMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadMemberName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    IsPlenary = table.Column<bool>(type: "boolean", nullable: false),
                    SharedForDiscussion = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FirstRepliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastActivityAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NotFiledReason = table.Column<string>(type: "text", nullable: true),
                    ReviewNote = table.Column<string>(type: "text", nullable: true),
                    ConvertedToOpinion = table.Column<bool>(type: "boolean", nullable: false),
                    MergedIntoId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignmentMode = table.Column<int>(type: "integer", nullable: true),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    IsKey = table.Column<bool>(type: "boolean", nullable: false),
                    IsImportant = table.Column<bool>(type: "boolean", nullable: false),
                    SupervisingLeader = table.Column<string>(type: "text", nullable: true),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    IsExcellent = table.Column<bool>(type: "boolean", nullable: false),
                    ReplyClass = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposalSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoSignHoursDuringPlenary = table.Column<int>(type: "integer", nullable: false),
                    CoSignHoursOtherwise = table.Column<int>(type: "integer", nullable: false),
                    ReturnRequestWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    DeadlineMonths = table.Column<int>(type: "integer", nullable: false),
                    MaxDeadlineMonths = table.Column<int>(type: "integer", nullable: false),
                    SoonDueWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    RatingWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    CoOpinionMonths = table.Column<int>(type: "integer", nullable: false),
                    PlenaryWindowMonths = table.Column<int>(type: "integer", nullable: false),
                    Categories = table.Column<string>(type: "text", nullable: false),
                    NotFiledReasons = table.Column<string>(type: "text", nullable: false),
                    ReplyClasses = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposalSigners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberName = table.Column<string>(type: "text", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    IsLead = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RespondedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalSigners", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposalReplyItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReplyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Commitment = table.Column<string>(type: "text", nullable: false),
                    ResponsibleUnit = table.Column<string>(type: "text", nullable: false),
                    PlannedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StatusChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalReplyItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalReplyItems_ProposalReplies_ReplyId",
                        column: x => x.ReplyId,
                        principalTable: "ProposalReplies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalAssignments_CommitteeId",
                table: "ProposalAssignments",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalAssignments_HandlingUnitId_Status",
                table: "ProposalAssignments",
                columns: new[] { "HandlingUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalAssignments_ProposalId",
                table: "ProposalAssignments",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalComments_CommitteeId",
                table: "ProposalComments",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalComments_ProposalId",
                table: "ProposalComments",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalContacts_CommitteeId",
                table: "ProposalContacts",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalContacts_ProposalId",
                table: "ProposalContacts",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalDeadlineChanges_CommitteeId",
                table: "ProposalDeadlineChanges",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalDeadlineChanges_ProposalId",
                table: "ProposalDeadlineChanges",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalHistory_CommitteeId",
                table: "ProposalHistory",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalHistory_ProposalId_At",
                table: "ProposalHistory",
                columns: new[] { "ProposalId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalInstructions_CommitteeId",
                table: "ProposalInstructions",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalInstructions_ProposalId",
                table: "ProposalInstructions",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalProjects_CommitteeId",
                table: "ProposalProjects",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalProjects_CommitteeId_SessionId_Name",
                table: "ProposalProjects",
                columns: new[] { "CommitteeId", "SessionId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalRatings_CommitteeId",
                table: "ProposalRatings",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalRatings_ForProposalId_MemberId_Round",
                table: "ProposalRatings",
                columns: new[] { "ForProposalId", "MemberId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalRatings_ProposalId",
                table: "ProposalRatings",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalReplies_AssignmentId_Round",
                table: "ProposalReplies",
                columns: new[] { "AssignmentId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalReplies_CommitteeId",
                table: "ProposalReplies",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalReplies_ProposalId",
                table: "ProposalReplies",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalReplyItems_CommitteeId",
                table: "ProposalReplyItems",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalReplyItems_ProposalId",
                table: "ProposalReplyItems",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalReplyItems_ReplyId",
                table: "ProposalReplyItems",
                column: "ReplyId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_CommitteeId",
                table: "Proposals",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_CommitteeId_SessionId_Number",
                table: "Proposals",
                columns: new[] { "CommitteeId", "SessionId", "Number" },
                unique: true,
                filter: "\"Number\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_CommitteeId_SessionId_Status_SubmittedAt",
                table: "Proposals",
                columns: new[] { "CommitteeId", "SessionId", "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_CommitteeId_Status_Deadline",
                table: "Proposals",
                columns: new[] { "CommitteeId", "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_LeadMemberId",
                table: "Proposals",
                column: "LeadMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_MergedIntoId",
                table: "Proposals",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProjectId",
                table: "Proposals",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalSettings_CommitteeId",
                table: "ProposalSettings",
                column: "CommitteeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalSigners_CommitteeId",
                table: "ProposalSigners",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalSigners_MemberId_Status",
                table: "ProposalSigners",
                columns: new[] { "MemberId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalSigners_ProposalId_MemberId",
                table: "ProposalSigners",
                columns: new[] { "ProposalId", "MemberId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProposalAssignments");

            migrationBuilder.DropTable(
                name: "ProposalComments");

            migrationBuilder.DropTable(
                name: "ProposalContacts");

            migrationBuilder.DropTable(
                name: "ProposalDeadlineChanges");

            migrationBuilder.DropTable(
                name: "ProposalHistory");

            migrationBuilder.DropTable(
                name: "ProposalInstructions");

            migrationBuilder.DropTable(
                name: "ProposalProjects");

            migrationBuilder.DropTable(
                name: "ProposalRatings");

            migrationBuilder.DropTable(
                name: "ProposalReplyItems");

            migrationBuilder.DropTable(
                name: "Proposals");

            migrationBuilder.DropTable(
                name: "ProposalSettings");

            migrationBuilder.DropTable(
                name: "ProposalSigners");

            migrationBuilder.DropTable(
                name: "ProposalReplies");
        }
    }
}
