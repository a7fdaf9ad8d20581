using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Evaluation;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Performance;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.PublicChannels;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Attachments;
using Tongxin.Platform.Audit;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Platform.Data;

/// <summary>The one database context. It enforces three rules on every save, so no handler can
/// forget them: tenancy (write only inside the actor's committee), optimistic concurrency
/// (<see cref="Entity.Version"/>), and the audit trail plus outbox written in the same transaction.</summary>
public abstract class TongxinDbContext(DbContextOptions options, IActorAccessor actorAccessor, TimeProvider time)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    private readonly List<IDomainEvent> pendingEvents = [];
    private readonly List<AuditEntry> pendingAudit = [];
    private readonly Dictionary<object, Actor> attributed = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<AuditEntry, Actor> auditActors = new(ReferenceEqualityComparer.Instance);

    public Actor Actor => actorAccessor.Actor;

    public TimeProvider Time => time;

    /// <summary>Set false for bulk seeding, which records one summary entry instead of one per row.</summary>
    public bool AuditEntityChanges { get; set; } = true;

    /// <summary>Set by a writer that adds many rows in one save (the public intake's batch): on
    /// PostgreSQL a save that only adds rows sends one INSERT per table (<see cref="UnnestInsert"/>)
    /// instead of EF's one INSERT statement per row, which the database parses, plans and runs one
    /// by one. Every rule of the save still applies (tenancy, audit entries, outbox, one
    /// transaction); a row a unique index refuses fails the whole save with a
    /// <see cref="DbUpdateException"/>, as EF's INSERT would. Saves with changes other than
    /// additions, and SQLite, use EF's INSERTs.</summary>
    public bool InsertInBulk { get; set; }

    // Read by the global tenant filter; EF parameterises these per query.
    internal bool TenantUnrestricted => Actor.IsSystem;
    internal List<Guid> ReadableCommitteeIds => [.. Actor.ReadableCommitteeIds];

    public DbSet<Committee> Committees => Set<Committee>();
    public DbSet<Term> Terms => Set<Term>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Sector> Sectors => Set<Sector>();
    public DbSet<SpecialCommittee> SpecialCommittees => Set<SpecialCommittee>();
    public DbSet<MemberGroup> MemberGroups => Set<MemberGroup>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<ProfileChangeRequest> ProfileChangeRequests => Set<ProfileChangeRequest>();
    public DbSet<HandlingUnit> HandlingUnits => Set<HandlingUnit>();
    public DbSet<Venue> Venues => Set<Venue>();
    public DbSet<ProposalSettings> ProposalSettings => Set<ProposalSettings>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ProposalSigner> ProposalSigners => Set<ProposalSigner>();
    public DbSet<ProposalComment> ProposalComments => Set<ProposalComment>();
    public DbSet<ProposalAssignment> ProposalAssignments => Set<ProposalAssignment>();
    public DbSet<ProposalDeadlineChange> ProposalDeadlineChanges => Set<ProposalDeadlineChange>();
    public DbSet<ProposalContact> ProposalContacts => Set<ProposalContact>();
    public DbSet<ProposalReply> ProposalReplies => Set<ProposalReply>();
    public DbSet<ProposalReplyItem> ProposalReplyItems => Set<ProposalReplyItem>();
    public DbSet<ProposalRating> ProposalRatings => Set<ProposalRating>();
    public DbSet<ProposalInstruction> ProposalInstructions => Set<ProposalInstruction>();
    public DbSet<ProposalProject> ProposalProjects => Set<ProposalProject>();
    public DbSet<ProposalHistoryEntry> ProposalHistory => Set<ProposalHistoryEntry>();
    public DbSet<ConsultationSettings> ConsultationSettings => Set<ConsultationSettings>();
    public DbSet<ConsultationTopic> ConsultationTopics => Set<ConsultationTopic>();
    public DbSet<ConsultationPlan> ConsultationPlans => Set<ConsultationPlan>();
    public DbSet<ConsultationPlanItem> ConsultationPlanItems => Set<ConsultationPlanItem>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<ActivityParticipant> ActivityParticipants => Set<ActivityParticipant>();
    public DbSet<ActivityTask> ActivityTasks => Set<ActivityTask>();
    public DbSet<ActivityMaterial> ActivityMaterials => Set<ActivityMaterial>();
    public DbSet<ActivitySpeech> ActivitySpeeches => Set<ActivitySpeech>();
    public DbSet<SpeechVote> SpeechVotes => Set<SpeechVote>();
    public DbSet<ActivityMinutes> ActivityMinutes => Set<ActivityMinutes>();
    public DbSet<MinutesReading> MinutesReadings => Set<MinutesReading>();
    public DbSet<ConsultationSuggestion> ConsultationSuggestions => Set<ConsultationSuggestion>();
    public DbSet<Discussion> Discussions => Set<Discussion>();
    public DbSet<DiscussionComment> DiscussionComments => Set<DiscussionComment>();
    public DbSet<CommentLike> CommentLikes => Set<CommentLike>();
    public DbSet<CommentReport> CommentReports => Set<CommentReport>();
    public DbSet<SupervisionTopic> SupervisionTopics => Set<SupervisionTopic>();
    public DbSet<SupervisorGroup> SupervisorGroups => Set<SupervisorGroup>();
    public DbSet<SupervisorGroupMember> SupervisorGroupMembers => Set<SupervisorGroupMember>();
    public DbSet<SupervisionActivity> SupervisionActivities => Set<SupervisionActivity>();
    public DbSet<SupervisionProblem> SupervisionProblems => Set<SupervisionProblem>();
    public DbSet<SupervisionProblemStep> SupervisionProblemSteps => Set<SupervisionProblemStep>();
    public DbSet<SupervisionLetter> SupervisionLetters => Set<SupervisionLetter>();
    public DbSet<EvaluationProject> EvaluationProjects => Set<EvaluationProject>();
    public DbSet<EvaluationNode> EvaluationNodes => Set<EvaluationNode>();
    public DbSet<EvaluationExpert> EvaluationExperts => Set<EvaluationExpert>();
    public DbSet<EvaluationRound> EvaluationRounds => Set<EvaluationRound>();
    public DbSet<EvaluationAnswer> EvaluationAnswers => Set<EvaluationAnswer>();
    public DbSet<AdoptedWeightSet> AdoptedWeightSets => Set<AdoptedWeightSet>();
    public DbSet<DutyEntry> DutyEntries => Set<DutyEntry>();
    public DbSet<DutyRuleSet> DutyRuleSets => Set<DutyRuleSet>();
    public DbSet<DutyRule> DutyRules => Set<DutyRule>();
    public DbSet<DutyYearScore> DutyYearScores => Set<DutyYearScore>();
    public DbSet<MassVisit> MassVisits => Set<MassVisit>();
    public DbSet<MassVisitClue> MassVisitClues => Set<MassVisitClue>();
    public DbSet<DutyPlanItem> DutyPlanItems => Set<DutyPlanItem>();
    public DbSet<PortraitDimension> PortraitDimensions => Set<PortraitDimension>();
    public DbSet<OpinionSettings> OpinionSettings => Set<OpinionSettings>();
    public DbSet<OpinionReport> OpinionReports => Set<OpinionReport>();
    public DbSet<OpinionReportAuthor> OpinionReportAuthors => Set<OpinionReportAuthor>();
    public DbSet<OpinionReportVersion> OpinionReportVersions => Set<OpinionReportVersion>();
    public DbSet<OpinionHistoryEntry> OpinionHistory => Set<OpinionHistoryEntry>();
    public DbSet<OpinionBulletin> OpinionBulletins => Set<OpinionBulletin>();
    public DbSet<OpinionBulletinArticle> OpinionBulletinArticles => Set<OpinionBulletinArticle>();
    public DbSet<OpinionBulletinArticleReport> OpinionBulletinArticleReports => Set<OpinionBulletinArticleReport>();
    public DbSet<OpinionOutcome> OpinionOutcomes => Set<OpinionOutcome>();
    public DbSet<LiaisonPoint> LiaisonPoints => Set<LiaisonPoint>();
    public DbSet<MemberStudio> MemberStudios => Set<MemberStudio>();
    public DbSet<MemberStudioHost> MemberStudioHosts => Set<MemberStudioHost>();
    public DbSet<PublicSubmission> PublicSubmissions => Set<PublicSubmission>();
    public DbSet<TopicSuggestion> TopicSuggestions => Set<TopicSuggestion>();
    public DbSet<TopicSupport> TopicSupports => Set<TopicSupport>();
    public DbSet<SensitiveWord> SensitiveWords => Set<SensitiveWord>();
    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Holiday> Holidays => Set<Holiday>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ProcessedEvent> ProcessedEvents => Set<ProcessedEvent>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>A save made on behalf of several actors at once (the public intake's batch writer):
    /// the row's tenancy check and its audit entry use <paramref name="actor"/> instead of the
    /// context's actor. Holds until the next successful save.</summary>
    public void AttributeTo(object entity, Actor actor) => attributed[entity] = actor;

    private Actor ActorFor(object entity) => attributed.TryGetValue(entity, out var actor) ? actor : Actor;

    /// <summary>Queue a domain event; it is stored in the outbox by the next save.</summary>
    public void Raise(IDomainEvent domainEvent) => pendingEvents.Add(domainEvent);

    /// <summary>Queue an explicit audit entry (login, export, denial …); it is chained by the next save.</summary>
    public void Audit(string action, string targetType, string targetId, string result, string details = "") =>
        pendingAudit.Add(new AuditEntry
        {
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Result = result,
            Details = details,
        });

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        PlatformModel.Configure(builder);
        OrganizationModel.Configure(builder);
        ProposalsModel.Configure(builder);
        OpinionsModel.Configure(builder);
        PublicChannelsModel.Configure(builder);
        ConsultationModel.Configure(builder);
        SupervisionModel.Configure(builder);
        EvaluationModel.Configure(builder);
        PerformanceModel.Configure(builder);

        foreach (var type in builder.Model.GetEntityTypes().Where(t => t.BaseType is null))
        {
            if (typeof(Entity).IsAssignableFrom(type.ClrType))
            {
                builder.Entity(type.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
            }

            if (typeof(ICommitteeOwned).IsAssignableFrom(type.ClrType))
            {
                builder.Entity(type.ClrType).HasQueryFilter(TenantFilter(type.ClrType));
                builder.Entity(type.ClrType).HasIndex(nameof(ICommitteeOwned.CommitteeId));
            }
        }
    }

    private LambdaExpression TenantFilter(Type entityType)
    {
        var e = Expression.Parameter(entityType, "e");
        var self = Expression.Constant(this);
        var unrestricted = Expression.Property(self, nameof(TenantUnrestricted));
        var ids = Expression.Property(self, nameof(ReadableCommitteeIds));
        var committeeId = Expression.Property(e, nameof(ICommitteeOwned.CommitteeId));
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], ids, committeeId);
        return Expression.Lambda(Expression.OrElse(unrestricted, contains), e);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var now = AuditHasher.TruncateToMicroseconds(time.GetUtcNow().UtcDateTime);
        var changed = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();

        foreach (var entry in changed)
        {
            if (entry.Entity is ICommitteeOwned owned && !ActorFor(entry.Entity).CanWrite(owned.CommitteeId))
            {
                throw new TenantViolationException(entry.Metadata.ClrType.Name, owned.CommitteeId);
            }
        }

        var versioned = changed.Where(e => e.State == EntityState.Modified).Select(e => e.Entity).OfType<Entity>().ToList();
        versioned.ForEach(e => e.Version++);
        var audit = new List<AuditEntry>(pendingAudit);
        if (AuditEntityChanges)
        {
            foreach (var entry in changed.Where(IsAudited))
            {
                var described = DescribeChange(entry);
                if (attributed.TryGetValue(entry.Entity, out var by))
                {
                    auditActors[described] = by;
                }

                audit.Add(described);
            }
        }

        var outbox = pendingEvents.Select(domainEvent => new OutboxMessage
        {
            Type = domainEvent.GetType().Name,
            Payload = JsonSerializer.Serialize(domainEvent, domainEvent.GetType()),
            OccurredAt = now,
        }).ToList();
        OutboxMessages.AddRange(outbox);

        var ownTransaction = audit.Count > 0 && Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        // Inside a transaction EF sets a savepoint before it writes (one more round trip, here
        // while the chain head is locked). In the save's own transaction a failure rolls all of it
        // back anyway; a caller's own transaction keeps its savepoint.
        var savepoints = Database.AutoSavepointsEnabled;
        if (ownTransaction is not null)
        {
            Database.AutoSavepointsEnabled = false;
        }

        List<EntityEntry> inserted = [];
        try
        {
            if (audit.Count > 0)
            {
                await AppendToChainAsync(audit, now, cancellationToken);
            }

            inserted = await InsertAddedInBulkAsync(cancellationToken);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken) + inserted.Count;
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            DetachChainHead();
            SignalOutbox();
            pendingAudit.Clear();
            attributed.Clear();
            return count;
        }
        catch
        {
            // Leave the context as the caller built it, so a retry (after reloading a stale row)
            // writes its audit rows and events once, not twice.
            inserted.Where(e => e.Entity is not AuditChainHead).ToList().ForEach(e => e.State = EntityState.Added);
            foreach (var row in audit.Cast<object>().Concat(outbox))
            {
                Entry(row).State = EntityState.Detached;
            }

            versioned.ForEach(e => e.Version--);
            DetachChainHead();
            throw;
        }
        finally
        {
            auditActors.Clear();
            Database.AutoSavepointsEnabled = savepoints;
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>See <see cref="InsertInBulk"/>: one INSERT … unnest per table (in foreign-key
    /// order) and the chain head's update, sent together in one round trip; the rows are then
    /// marked stored, so EF's own save has nothing left to write.</summary>
    private async Task<List<EntityEntry>> InsertAddedInBulkAsync(CancellationToken ct)
    {
        if (!InsertInBulk || !Database.IsNpgsql())
        {
            return [];
        }

        var changed = ChangeTracker.Entries().Where(e => e.State is not (EntityState.Unchanged or EntityState.Detached)).ToList();
        var added = changed.Where(e => e.State == EntityState.Added).ToList();
        var heads = changed.Where(e => e.Entity is AuditChainHead).ToList();
        if (added.Count == 0
            || changed.Any(e => e.State != EntityState.Added && e.Entity is not AuditChainHead)
            || !added.Select(e => e.Metadata).Distinct().All(CopyImport.Fits))
        {
            return [];
        }

        var connection = (Npgsql.NpgsqlConnection)Database.GetDbConnection();
        var transaction = Database.CurrentTransaction is { } current ? (Npgsql.NpgsqlTransaction)current.GetDbTransaction() : null;
        await using var batch = new Npgsql.NpgsqlBatch(connection, transaction);
        var groups = added.GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var type in InForeignKeyOrder(groups.Keys))
        {
            batch.BatchCommands.Add(UnnestInsert.Command(type, groups[type]));
        }

        foreach (var head in heads.Select(e => (AuditChainHead)e.Entity))
        {
            var update = new Npgsql.NpgsqlBatchCommand("""UPDATE "AuditChainHead" SET "LastSequence" = $1, "LastHash" = $2 WHERE "Id" = $3""");
            update.Parameters.Add(new Npgsql.NpgsqlParameter { Value = head.LastSequence });
            update.Parameters.Add(new Npgsql.NpgsqlParameter { Value = head.LastHash });
            update.Parameters.Add(new Npgsql.NpgsqlParameter { Value = head.Id });
            batch.BatchCommands.Add(update);
        }

        try
        {
            await Database.OpenConnectionAsync(ct);
            try
            {
                await batch.ExecuteNonQueryAsync(ct);
            }
            finally
            {
                await Database.CloseConnectionAsync();
            }
        }
        catch (Npgsql.PostgresException e)
        {
            throw new DbUpdateException("批量写入被数据库拒绝：" + e.MessageText, e, added);
        }

        var written = added.Concat(heads).ToList();
        written.ForEach(e => e.State = EntityState.Unchanged);
        return written;
    }

    /// <summary>Principals before the rows that refer to them (each statement checks its rows' foreign keys).</summary>
    private static List<IEntityType> InForeignKeyOrder(IEnumerable<IEntityType> types)
    {
        var left = types.ToList();
        var ordered = new List<IEntityType>(left.Count);
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(t => t.GetForeignKeys().All(fk => !left.Contains(fk.PrincipalEntityType) || fk.PrincipalEntityType == t))
                ?? throw new InvalidOperationException("外键循环，无法批量写入。");
            ordered.Add(next);
            left.Remove(next);
        }

        return ordered;
    }

    /// <summary>The head is read under its lock in every save that audits; a tracked copy must not outlive the save.</summary>
    private void DetachChainHead()
    {
        foreach (var head in ChangeTracker.Entries<AuditChainHead>().ToList())
        {
            head.State = EntityState.Detached;
        }
    }

    /// <summary>Wakes the outbox dispatcher when this save stored events (a hint: it also polls).</summary>
    private void SignalOutbox()
    {
        if (pendingEvents.Count > 0)
        {
            pendingEvents.Clear();
            this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?
                .GetService<OutboxSignal>()?.Notify();
        }
    }

    // The duty ledger's rows are derived from audited source rows and rewritten in bulk; a staff
    // rebuild writes one audit entry instead.
    private static bool IsAudited(EntityEntry entry) => entry.Entity is not (AuditEntry or AuditChainHead
        or OutboxMessage or ProcessedEvent or Notification or IdentityUserToken<Guid> or DataProtectionKey
        or DutyEntry or DutyYearScore);

    private AuditEntry DescribeChange(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        var id = key is null ? "" : string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue));
        var details = entry.State == EntityState.Modified
            ? "字段: " + string.Join(", ", entry.Properties.Where(p => p.IsModified && p.Metadata.Name != nameof(Entity.Version)).Select(p => p.Metadata.Name))
            : "";
        return new AuditEntry
        {
            Action = entry.State switch
            {
                EntityState.Added => "新增",
                EntityState.Modified => "修改",
                _ => "删除",
            },
            TargetType = entry.Metadata.ClrType.Name,
            TargetId = id,
            Result = "成功",
            Details = details,
        };
    }

    /// <summary>Locks the chain head (a write, so both databases serialise here), then numbers and
    /// hashes the new rows after the current end of the chain.</summary>
    private async Task AppendToChainAsync(List<AuditEntry> entries, DateTime now, CancellationToken ct)
    {
        // A no-op UPDATE … RETURNING: a row lock on PostgreSQL, the write lock on SQLite.
        var heads = await Set<AuditChainHead>()
            .FromSqlRaw("""UPDATE "AuditChainHead" SET "LastSequence" = "LastSequence" WHERE "Id" = 1 RETURNING "Id", "LastSequence", "LastHash" """)
            .AsNoTracking()
            .ToListAsync(ct);
        var head = heads.Single();

        foreach (var e in entries)
        {
            var actor = auditActors.GetValueOrDefault(e) ?? Actor;
            e.Sequence = ++head.LastSequence;
            e.Time = now;
            e.UserId = actor.UserId;
            e.UserName = actor.UserName;
            e.Role = actor.PrimaryRole;
            e.CommitteeId = actor.CommitteeId;
            e.Ip = actor.IpAddress ?? "";
            e.PreviousHash = head.LastHash;
            e.Hash = AuditHasher.Compute(e);
            head.LastHash = e.Hash;
            AuditEntries.Add(e);
        }

        // The new end of the chain goes out in the same batch as the rows (one round trip fewer
        // while the head is locked).
        var tracked = Set<AuditChainHead>().Local.FirstOrDefault(h => h.Id == head.Id);
        if (tracked is null)
        {
            Set<AuditChainHead>().Attach(head);
            tracked = head;
        }

        tracked.LastSequence = head.LastSequence;
        tracked.LastHash = head.LastHash;
        var entry = Entry(tracked);
        entry.Property(h => h.LastSequence).IsModified = true;
        entry.Property(h => h.LastHash).IsModified = true;
    }
}

public sealed class TenantViolationException(string entityType, Guid committeeId)
    : InvalidOperationException($"不能修改其他政协组织的数据（{entityType}，{committeeId}）。");
