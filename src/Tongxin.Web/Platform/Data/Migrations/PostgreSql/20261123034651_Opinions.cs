using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Platform.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Opinions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OpinionReportId",
                table: "Proposals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SourceReportId",
                table: "Proposals",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LiaisonPoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Purpose = table.Column<int>(type: "integer", nullable: false),
                    Address = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Token = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResponsibleMemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    ResponsibleUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiaisonPoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MemberStudioHosts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StudioId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberStudioHosts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MemberStudios",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Token = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Address = table.Column<string>(type: "text", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberStudios", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpinionBulletinArticleReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BulletinId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArticleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpinionBulletinArticleReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpinionBulletinArticles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BulletinId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpinionBulletinArticles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpinionBulletins",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IssueNo = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MainRecipients = table.Column<string>(type: "text", nullable: false),
                    CopyRecipients = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IssuedByName = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpinionBulletins", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpinionHistory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorName = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpinionHistory", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpinionOutcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Combined = table.Column<bool>(type: "boolean", nullable: false),
                    BulletinId = table.Column<Guid>(type: "uuid", nullable: true),
                    InstructionLevel = table.Column<int>(type: "integer", nullable: true),
                    LeaderName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Text = table.Column<string>(type: "text", nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    FromReportId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedByName = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpinionOutcomes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpinionReportAuthors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberName = table.Column<string>(type: "text", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpinionReportAuthors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpinionReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    SerialNo = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Situation = table.Column<string>(type: "text", nullable: false),
                    Analysis = table.Column<string>(type: "text", nullable: false),
                    Suggestion = table.Column<string>(type: "text", nullable: false),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsUrgent = table.Column<bool>(type: "boolean", nullable: false),
                    SubmitterKind = table.Column<int>(type: "integer", nullable: false),
                    SubmitterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LeadMemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContactName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ScreenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ScreenedByName = table.Column<string>(type: "text", nullable: true),
                    ScreeningNote = table.Column<string>(type: "text", nullable: true),
                    CurrentVersionNo = table.Column<int>(type: "integer", nullable: false),
                    SignedOffAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SignedOffByName = table.Column<string>(type: "text", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConvertedFromProposalId = table.Column<Guid>(type: "uuid", nullable: true),
                    ForwardedFromReportId = table.Column<Guid>(type: "uuid", nullable: true),
                    ForwardedToReportId = table.Column<Guid>(type: "uuid", nullable: true),
                    PublicSubmissionId = table.Column<Guid>(type: "uuid", nullable: true),
                    HandlingCaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    LastActivityAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpinionReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpinionReportVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    No = table.Column<int>(type: "integer", nullable: false),
                    IsAuthorText = table.Column<bool>(type: "boolean", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Situation = table.Column<string>(type: "text", nullable: false),
                    Analysis = table.Column<string>(type: "text", nullable: false),
                    Suggestion = table.Column<string>(type: "text", nullable: false),
                    EditorName = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpinionReportVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpinionSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MaxChars = table.Column<int>(type: "integer", nullable: false),
                    Categories = table.Column<string>(type: "text", nullable: false),
                    BulletinTypes = table.Column<string>(type: "text", nullable: false),
                    RejectReasons = table.Column<string>(type: "text", nullable: false),
                    DefaultMainRecipients = table.Column<string>(type: "text", nullable: false),
                    DefaultCopyRecipients = table.Column<string>(type: "text", nullable: false),
                    PointsOwnLevel = table.Column<int>(type: "integer", nullable: false),
                    PointsCity = table.Column<int>(type: "integer", nullable: false),
                    PointsProvince = table.Column<int>(type: "integer", nullable: false),
                    PointsNational = table.Column<int>(type: "integer", nullable: false),
                    PointsPartyGovernment = table.Column<int>(type: "integer", nullable: false),
                    PointsInstructionCounty = table.Column<int>(type: "integer", nullable: false),
                    PointsInstructionCity = table.Column<int>(type: "integer", nullable: false),
                    PointsInstructionProvince = table.Column<int>(type: "integer", nullable: false),
                    PointsInstructionCentral = table.Column<int>(type: "integer", nullable: false),
                    JointPercent = table.Column<int>(type: "integer", nullable: false),
                    CombinedPercent = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpinionSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PublicSubmissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    LiaisonPointId = table.Column<Guid>(type: "uuid", nullable: true),
                    StudioId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    SubmitterName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ReceiptCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    MatchedWords = table.Column<string>(type: "text", nullable: true),
                    Reply = table.Column<string>(type: "text", nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RepliedByName = table.Column<string>(type: "text", nullable: true),
                    ForwardedUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    UnitReply = table.Column<string>(type: "text", nullable: true),
                    UnitRepliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: true),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    RatingComment = table.Column<string>(type: "text", nullable: true),
                    RatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClientHash = table.Column<string>(type: "text", nullable: true),
                    LastActivityAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicSubmissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SensitiveWords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Word = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SensitiveWords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TopicSuggestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    SubmitterName = table.Column<string>(type: "text", nullable: true),
                    Phone = table.Column<string>(type: "text", nullable: true),
                    ReceiptCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    MatchedWords = table.Column<string>(type: "text", nullable: true),
                    SupportCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClientHash = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TopicSuggestions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TopicSupports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SuggestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupporterHash = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TopicSupports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_SourceReportId",
                table: "Proposals",
                column: "SourceReportId");

            migrationBuilder.CreateIndex(
                name: "IX_LiaisonPoints_CommitteeId",
                table: "LiaisonPoints",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_LiaisonPoints_CommitteeId_Purpose",
                table: "LiaisonPoints",
                columns: new[] { "CommitteeId", "Purpose" });

            migrationBuilder.CreateIndex(
                name: "IX_LiaisonPoints_Token",
                table: "LiaisonPoints",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberStudioHosts_CommitteeId",
                table: "MemberStudioHosts",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberStudioHosts_MemberId",
                table: "MemberStudioHosts",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberStudioHosts_StudioId_MemberId",
                table: "MemberStudioHosts",
                columns: new[] { "StudioId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberStudios_CommitteeId",
                table: "MemberStudios",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberStudios_Token",
                table: "MemberStudios",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpinionBulletinArticleReports_ArticleId_ReportId",
                table: "OpinionBulletinArticleReports",
                columns: new[] { "ArticleId", "ReportId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpinionBulletinArticleReports_BulletinId",
                table: "OpinionBulletinArticleReports",
                column: "BulletinId");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionBulletinArticleReports_CommitteeId",
                table: "OpinionBulletinArticleReports",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionBulletinArticleReports_ReportId",
                table: "OpinionBulletinArticleReports",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionBulletinArticles_BulletinId_Order",
                table: "OpinionBulletinArticles",
                columns: new[] { "BulletinId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_OpinionBulletinArticles_CommitteeId",
                table: "OpinionBulletinArticles",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionBulletins_CommitteeId",
                table: "OpinionBulletins",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionBulletins_CommitteeId_Year_Type_IssueNo",
                table: "OpinionBulletins",
                columns: new[] { "CommitteeId", "Year", "Type", "IssueNo" },
                unique: true,
                filter: "\"IssueNo\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionHistory_CommitteeId",
                table: "OpinionHistory",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionHistory_ReportId_At",
                table: "OpinionHistory",
                columns: new[] { "ReportId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_OpinionOutcomes_CommitteeId",
                table: "OpinionOutcomes",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionOutcomes_CommitteeId_Kind_Date",
                table: "OpinionOutcomes",
                columns: new[] { "CommitteeId", "Kind", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_OpinionOutcomes_ReportId",
                table: "OpinionOutcomes",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionReportAuthors_CommitteeId",
                table: "OpinionReportAuthors",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionReportAuthors_MemberId",
                table: "OpinionReportAuthors",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionReportAuthors_ReportId_MemberId",
                table: "OpinionReportAuthors",
                columns: new[] { "ReportId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpinionReports_CommitteeId",
                table: "OpinionReports",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionReports_CommitteeId_Status_SubmittedAt",
                table: "OpinionReports",
                columns: new[] { "CommitteeId", "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OpinionReports_CommitteeId_Year_SerialNo",
                table: "OpinionReports",
                columns: new[] { "CommitteeId", "Year", "SerialNo" },
                unique: true,
                filter: "\"SerialNo\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionReports_CommitteeId_Year_Status",
                table: "OpinionReports",
                columns: new[] { "CommitteeId", "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OpinionReports_ConvertedFromProposalId",
                table: "OpinionReports",
                column: "ConvertedFromProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionReports_CreatedByUserId",
                table: "OpinionReports",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionReports_ForwardedFromReportId",
                table: "OpinionReports",
                column: "ForwardedFromReportId");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionReports_LeadMemberId",
                table: "OpinionReports",
                column: "LeadMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionReports_PublicSubmissionId",
                table: "OpinionReports",
                column: "PublicSubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionReportVersions_CommitteeId",
                table: "OpinionReportVersions",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionReportVersions_ReportId_No",
                table: "OpinionReportVersions",
                columns: new[] { "ReportId", "No" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpinionSettings_CommitteeId",
                table: "OpinionSettings",
                column: "CommitteeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicSubmissions_CommitteeId",
                table: "PublicSubmissions",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicSubmissions_CommitteeId_IdempotencyKey",
                table: "PublicSubmissions",
                columns: new[] { "CommitteeId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicSubmissions_CommitteeId_Status_CreatedAt",
                table: "PublicSubmissions",
                columns: new[] { "CommitteeId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicSubmissions_ForwardedUnitId_Status",
                table: "PublicSubmissions",
                columns: new[] { "ForwardedUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicSubmissions_LiaisonPointId_Status",
                table: "PublicSubmissions",
                columns: new[] { "LiaisonPointId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicSubmissions_ReceiptCode",
                table: "PublicSubmissions",
                column: "ReceiptCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicSubmissions_StudioId_Status",
                table: "PublicSubmissions",
                columns: new[] { "StudioId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SensitiveWords_CommitteeId",
                table: "SensitiveWords",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_SensitiveWords_CommitteeId_Word",
                table: "SensitiveWords",
                columns: new[] { "CommitteeId", "Word" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TopicSuggestions_CommitteeId",
                table: "TopicSuggestions",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_TopicSuggestions_CommitteeId_IdempotencyKey",
                table: "TopicSuggestions",
                columns: new[] { "CommitteeId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TopicSuggestions_CommitteeId_Year_Status_SupportCount",
                table: "TopicSuggestions",
                columns: new[] { "CommitteeId", "Year", "Status", "SupportCount" });

            migrationBuilder.CreateIndex(
                name: "IX_TopicSuggestions_ReceiptCode",
                table: "TopicSuggestions",
                column: "ReceiptCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TopicSupports_CommitteeId",
                table: "TopicSupports",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_TopicSupports_SuggestionId_SupporterHash",
                table: "TopicSupports",
                columns: new[] { "SuggestionId", "SupporterHash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LiaisonPoints");

            migrationBuilder.DropTable(
                name: "MemberStudioHosts");

            migrationBuilder.DropTable(
                name: "MemberStudios");

            migrationBuilder.DropTable(
                name: "OpinionBulletinArticleReports");

            migrationBuilder.DropTable(
                name: "OpinionBulletinArticles");

            migrationBuilder.DropTable(
                name: "OpinionBulletins");

            migrationBuilder.DropTable(
                name: "OpinionHistory");

            migrationBuilder.DropTable(
                name: "OpinionOutcomes");

            migrationBuilder.DropTable(
                name: "OpinionReportAuthors");

            migrationBuilder.DropTable(
                name: "OpinionReports");

            migrationBuilder.DropTable(
                name: "OpinionReportVersions");

            migrationBuilder.DropTable(
                name: "OpinionSettings");

            migrationBuilder.DropTable(
                name: "PublicSubmissions");

            migrationBuilder.DropTable(
                name: "SensitiveWords");

            migrationBuilder.DropTable(
                name: "TopicSuggestions");

            migrationBuilder.DropTable(
                name: "TopicSupports");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_SourceReportId",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "OpinionReportId",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "SourceReportId",
                table: "Proposals");
        }
    }
}
