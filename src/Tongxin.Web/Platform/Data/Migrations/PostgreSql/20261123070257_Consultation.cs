using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Platform.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Consultation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Activities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Topic = table.Column<string>(type: "text", nullable: false),
                    Venue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VenueId = table.Column<Guid>(type: "uuid", nullable: true),
                    OnlineLink = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HalfDays = table.Column<int>(type: "integer", nullable: false),
                    Organizer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SpecialCommitteeId = table.Column<Guid>(type: "uuid", nullable: true),
                    SectorId = table.Column<Guid>(type: "uuid", nullable: true),
                    MemberGroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    LeadLeader = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    InvitedDepartments = table.Column<string>(type: "text", nullable: false),
                    MassRepresentatives = table.Column<string>(type: "text", nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    SignUpDeadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PlanItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    SignInSecret = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MaterialsSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Activities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ActivityMaterials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    AttachmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityMaterials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ActivityMinutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    AttachmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityMinutes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ActivityParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Invited = table.Column<bool>(type: "boolean", nullable: false),
                    Response = table.Column<int>(type: "integer", nullable: false),
                    RespondedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Leave = table.Column<int>(type: "integer", nullable: false),
                    LeaveReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeaveRequestCount = table.Column<int>(type: "integer", nullable: false),
                    LeaveDecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LeaveDecidedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SignedInAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SignInMethod = table.Column<int>(type: "integer", nullable: true),
                    Attendance = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityParticipants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ActivitySpeeches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpeakerMemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    SpeakerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    VoteCount = table.Column<int>(type: "integer", nullable: false),
                    IsBest = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivitySpeeches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ActivityTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    People = table.Column<string>(type: "text", nullable: false),
                    Notes = table.Column<string>(type: "text", nullable: false),
                    Done = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommentLikes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommentId = table.Column<Guid>(type: "uuid", nullable: false),
                    LikerKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentLikes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommentReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReporterKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Resolved = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationPlanItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    TopicId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Format = table.Column<int>(type: "integer", nullable: false),
                    ActivityType = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    LeadLeader = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Organizer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationPlanItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Pattern = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChairReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewNote = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NoticeWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    MaterialsWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    MinutesWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    AnswerMonths = table.Column<int>(type: "integer", nullable: false),
                    SignInCodeSeconds = table.Column<int>(type: "integer", nullable: false),
                    MaxLeaveRequests = table.Column<int>(type: "integer", nullable: false),
                    PlanPattern = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationSuggestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    RaisedByMemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    RaisedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    HandlingUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Answer = table.Column<int>(type: "integer", nullable: true),
                    AnswerText = table.Column<string>(type: "text", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FollowUp = table.Column<string>(type: "text", nullable: true),
                    FollowedUpAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationSuggestions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationTopics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProposerMemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    SuggestionId = table.Column<Guid>(type: "uuid", nullable: true),
                    SupportCount = table.Column<int>(type: "integer", nullable: false),
                    NeedNote = table.Column<string>(type: "text", nullable: false),
                    WishNote = table.Column<string>(type: "text", nullable: false),
                    AbilityNote = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationTopics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DiscussionComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DiscussionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    RootId = table.Column<Guid>(type: "uuid", nullable: false),
                    Depth = table.Column<int>(type: "integer", nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    ClientHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Content = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    MatchedWords = table.Column<string>(type: "text", nullable: true),
                    LikeCount = table.Column<int>(type: "integer", nullable: false),
                    ReplyCount = table.Column<int>(type: "integer", nullable: false),
                    ReportCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiscussionComments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Discussions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: true),
                    TopicId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Intro = table.Column<string>(type: "text", nullable: false),
                    PublicParticipation = table.Column<bool>(type: "boolean", nullable: false),
                    Token = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CommentCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Discussions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MinutesReadings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MinutesId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeaderUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeaderName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Instruction = table.Column<string>(type: "text", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinutesReadings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SpeechVotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpeechId = table.Column<Guid>(type: "uuid", nullable: false),
                    VoterMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    CastAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpeechVotes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_CommitteeId",
                table: "Activities",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_CommitteeId_Status_StartsAt",
                table: "Activities",
                columns: new[] { "CommitteeId", "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_CommitteeId_Type_StartsAt",
                table: "Activities",
                columns: new[] { "CommitteeId", "Type", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityMaterials_ActivityId",
                table: "ActivityMaterials",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityMaterials_CommitteeId",
                table: "ActivityMaterials",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityMinutes_ActivityId",
                table: "ActivityMinutes",
                column: "ActivityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActivityMinutes_CommitteeId",
                table: "ActivityMinutes",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityMinutes_CommitteeId_UploadedAt_DueDate",
                table: "ActivityMinutes",
                columns: new[] { "CommitteeId", "UploadedAt", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityParticipants_ActivityId_MemberId",
                table: "ActivityParticipants",
                columns: new[] { "ActivityId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActivityParticipants_CommitteeId",
                table: "ActivityParticipants",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityParticipants_MemberId_ActivityId",
                table: "ActivityParticipants",
                columns: new[] { "MemberId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivitySpeeches_ActivityId_SortOrder",
                table: "ActivitySpeeches",
                columns: new[] { "ActivityId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivitySpeeches_CommitteeId",
                table: "ActivitySpeeches",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityTasks_ActivityId",
                table: "ActivityTasks",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityTasks_CommitteeId",
                table: "ActivityTasks",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_CommentLikes_CommentId_LikerKey",
                table: "CommentLikes",
                columns: new[] { "CommentId", "LikerKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommentLikes_CommitteeId",
                table: "CommentLikes",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_CommentReports_CommentId_ReporterKey",
                table: "CommentReports",
                columns: new[] { "CommentId", "ReporterKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommentReports_CommitteeId",
                table: "CommentReports",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_CommentReports_CommitteeId_Resolved",
                table: "CommentReports",
                columns: new[] { "CommitteeId", "Resolved" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationPlanItems_CommitteeId",
                table: "ConsultationPlanItems",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationPlanItems_PlanId_Month",
                table: "ConsultationPlanItems",
                columns: new[] { "PlanId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationPlans_CommitteeId",
                table: "ConsultationPlans",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationPlans_CommitteeId_Year",
                table: "ConsultationPlans",
                columns: new[] { "CommitteeId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationSettings_CommitteeId",
                table: "ConsultationSettings",
                column: "CommitteeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationSuggestions_ActivityId_RaisedAt",
                table: "ConsultationSuggestions",
                columns: new[] { "ActivityId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationSuggestions_CommitteeId",
                table: "ConsultationSuggestions",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationSuggestions_CommitteeId_Kind_Status_RaisedAt",
                table: "ConsultationSuggestions",
                columns: new[] { "CommitteeId", "Kind", "Status", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationSuggestions_HandlingUnitId_Status",
                table: "ConsultationSuggestions",
                columns: new[] { "HandlingUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationSuggestions_RaisedByMemberId",
                table: "ConsultationSuggestions",
                column: "RaisedByMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationTopics_CommitteeId",
                table: "ConsultationTopics",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationTopics_CommitteeId_SuggestionId",
                table: "ConsultationTopics",
                columns: new[] { "CommitteeId", "SuggestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationTopics_CommitteeId_Year_Status",
                table: "ConsultationTopics",
                columns: new[] { "CommitteeId", "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_DiscussionComments_CommitteeId",
                table: "DiscussionComments",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_DiscussionComments_CommitteeId_Status_CreatedAt",
                table: "DiscussionComments",
                columns: new[] { "CommitteeId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DiscussionComments_DiscussionId_Status_ParentId_CreatedAt_Id",
                table: "DiscussionComments",
                columns: new[] { "DiscussionId", "Status", "ParentId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DiscussionComments_RootId_CreatedAt",
                table: "DiscussionComments",
                columns: new[] { "RootId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Discussions_ActivityId",
                table: "Discussions",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_Discussions_CommitteeId",
                table: "Discussions",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_Discussions_Token",
                table: "Discussions",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MinutesReadings_CommitteeId",
                table: "MinutesReadings",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_MinutesReadings_MinutesId_LeaderUserId",
                table: "MinutesReadings",
                columns: new[] { "MinutesId", "LeaderUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpeechVotes_ActivityId_VoterMemberId",
                table: "SpeechVotes",
                columns: new[] { "ActivityId", "VoterMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpeechVotes_CommitteeId",
                table: "SpeechVotes",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeechVotes_SpeechId",
                table: "SpeechVotes",
                column: "SpeechId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Activities");

            migrationBuilder.DropTable(
                name: "ActivityMaterials");

            migrationBuilder.DropTable(
                name: "ActivityMinutes");

            migrationBuilder.DropTable(
                name: "ActivityParticipants");

            migrationBuilder.DropTable(
                name: "ActivitySpeeches");

            migrationBuilder.DropTable(
                name: "ActivityTasks");

            migrationBuilder.DropTable(
                name: "CommentLikes");

            migrationBuilder.DropTable(
                name: "CommentReports");

            migrationBuilder.DropTable(
                name: "ConsultationPlanItems");

            migrationBuilder.DropTable(
                name: "ConsultationPlans");

            migrationBuilder.DropTable(
                name: "ConsultationSettings");

            migrationBuilder.DropTable(
                name: "ConsultationSuggestions");

            migrationBuilder.DropTable(
                name: "ConsultationTopics");

            migrationBuilder.DropTable(
                name: "DiscussionComments");

            migrationBuilder.DropTable(
                name: "Discussions");

            migrationBuilder.DropTable(
                name: "MinutesReadings");

            migrationBuilder.DropTable(
                name: "SpeechVotes");
        }
    }
}
