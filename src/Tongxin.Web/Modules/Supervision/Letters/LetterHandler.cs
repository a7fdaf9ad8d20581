using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Supervision.Letters;

/// <summary>建议书内容 as the group's supervisor writes it: the department is a handling unit of the
/// committee or, when it has no unit record, its name typed in.</summary>
public sealed class LetterInput
{
    public string Title { get; set; } = "";

    public Guid? HandlingUnitId { get; set; }

    public string Recipient { get; set; } = "";

    public string Body { get; set; } = "";
}

/// <summary>《民主监督建议书》 – the letter's life (DESIGN.md): a supervisor of the group drafts, edits
/// and submits; supervision staff sign it off (numbered 监督建议〔2026〕N号, per committee and year, without
/// gaps) or send it back, and send it; the department it was sent to – or staff on its behalf – records
/// the response. Every action checks who acts here, not in the page.</summary>
public sealed class LetterHandler(TongxinDbContext db, SupervisionAccess access, IActorAccessor actors)
{
    public const int TitleMax = 100;
    public const int RecipientMax = 100;
    public const int BodyMax = 20000;
    public const int ResponseMax = 4000;
    public const string ConcurrentMessage = "该建议书已被他人处理，请刷新后重试。";

    /// <summary>Two letters signed off at the same moment can read the same highest number; the unique
    /// index refuses the second, which then takes the next one (N at once need up to N attempts; see
    /// <see cref="Problems.ProblemNumbers.Attempts"/>).</summary>
    private const int NumberAttempts = 20;

    private Actor Actor => actors.Actor;

    private DateTime Now => db.Time.GetUtcNow().UtcDateTime;

    /// <summary>起草 – a supervisor of the group starts a letter of the group.</summary>
    public async Task<Guid> CreateAsync(Guid groupId, LetterInput input, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var group = await db.SupervisorGroups.AsNoTracking().Where(g => g.Id == groupId)
            .Select(g => new { g.Id, g.CommitteeId, g.TopicId }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("监督小组");
        await RequireSupervisorAsync(groupId, memberId, ct);
        var (unitId, recipient) = await ValidateAsync(input, group.CommitteeId, ct);
        var now = Now;
        var letter = new SupervisionLetter
        {
            CommitteeId = group.CommitteeId,
            Year = BeijingTime.FromUtc(now).Year,
            GroupId = group.Id,
            TopicId = group.TopicId,
            HandlingUnitId = unitId,
            Recipient = recipient,
            Title = input.Title.Trim(),
            Body = input.Body.Trim(),
            Status = LetterStatus.Draft,
            DraftedByMemberId = memberId,
            CreatedAt = now,
        };
        db.SupervisionLetters.Add(letter);
        await SaveAsync(ct);
        return letter.Id;
    }

    /// <summary>修改 – any supervisor of the group, while the letter is a draft.</summary>
    public async Task UpdateAsync(Guid id, LetterInput input, CancellationToken ct = default)
    {
        var letter = await LoadForSupervisorAsync(id, ct);
        RequireStatus(letter, LetterStatus.Draft, "只有起草中的建议书可以修改。");
        var (unitId, recipient) = await ValidateAsync(input, letter.CommitteeId, ct);
        letter.Title = input.Title.Trim();
        letter.HandlingUnitId = unitId;
        letter.Recipient = recipient;
        letter.Body = input.Body.Trim();
        await SaveAsync(ct);
    }

    /// <summary>提交 – the group hands the draft to the office for sign-off.</summary>
    public async Task SubmitAsync(Guid id, CancellationToken ct = default)
    {
        var letter = await LoadForSupervisorAsync(id, ct);
        RequireStatus(letter, LetterStatus.Draft, "该建议书已提交，不能重复提交。");
        letter.Status = LetterStatus.Submitted;
        await SaveAsync(ct);
    }

    /// <summary>退回修改 – staff send a submitted letter back to the group as a draft.</summary>
    public async Task ReturnAsync(Guid id, CancellationToken ct = default)
    {
        var letter = await LoadForStaffAsync(id, ct);
        RequireStatus(letter, LetterStatus.Submitted, "只有待签发的建议书可以退回修改。");
        letter.Status = LetterStatus.Draft;
        db.Audit("退回民主监督建议书", nameof(SupervisionLetter), letter.Id.ToString(), "成功", letter.Title);
        await SaveAsync(ct);
    }

    /// <summary>签发 – gives the next 监督建议〔year〕N号 of the committee and year of sign-off. Of two
    /// staff signing off the same letter one wins (the row's version); two letters signed off at
    /// once get distinct numbers.</summary>
    public async Task<int> SignOffAsync(Guid id, CancellationToken ct = default)
    {
        var letter = await LoadForStaffAsync(id, ct);
        RequireStatus(letter, LetterStatus.Submitted, "只有待签发的建议书可以签发。");
        var now = Now;
        letter.Status = LetterStatus.SignedOff;
        letter.Year = BeijingTime.FromUtc(now).Year;
        letter.SignedOffAt = now;
        letter.SignedOffBy = await db.ActorNameAsync(Actor, ct);
        for (var attempt = 1; ; attempt++)
        {
            letter.Number = 1 + (await db.SupervisionLetters.AsNoTracking()
                .Where(l => l.CommitteeId == letter.CommitteeId && l.Year == letter.Year && l.Number != null && l.Id != letter.Id)
                .MaxAsync(l => l.Number, ct) ?? 0);
            try
            {
                await SaveAsync(ct);
                return letter.Number.Value;
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && attempt < NumberAttempts)
            {
                var taken = await db.SupervisionLetters.AsNoTracking().AnyAsync(l => l.CommitteeId == letter.CommitteeId
                    && l.Year == letter.Year && l.Number == letter.Number && l.Id != letter.Id, ct);
                if (!taken)
                {
                    throw new ConflictException(ConcurrentMessage);
                }
            }
        }
    }

    /// <summary>送达 – the signed-off letter goes to its department: the unit's inbox, and duty records
    /// credit the group's supervisors (<see cref="SupervisionLetterSent"/>, same save).</summary>
    public async Task SendAsync(Guid id, CancellationToken ct = default)
    {
        var letter = await LoadForStaffAsync(id, ct);
        RequireStatus(letter, LetterStatus.SignedOff, "只有已签发的建议书可以送达。");
        var now = Now;
        letter.Status = LetterStatus.Sent;
        letter.SentAt = now;
        var members = await db.SupervisorGroupMembers.AsNoTracking().Where(m => m.GroupId == letter.GroupId)
            .OrderBy(m => m.Role).ThenBy(m => m.MemberId).Select(m => m.MemberId).ToListAsync(ct);
        db.Raise(new SupervisionLetterSent(letter.Id, letter.CommitteeId, letter.GroupId, letter.DraftedByMemberId, members,
            DateOnly.FromDateTime(BeijingTime.FromUtc(now))));
        await SaveAsync(ct);
    }

    /// <summary>部门反馈 – recorded by the unit the letter was sent to, or by staff on its behalf.</summary>
    public async Task RecordResponseAsync(Guid id, string? response, CancellationToken ct = default)
    {
        var letter = await db.SupervisionLetters.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("建议书");
        if (SupervisionAccess.IsUnit(Actor))
        {
            if (letter.HandlingUnitId != Actor.HandlingUnitId || letter.Status < LetterStatus.Sent)
            {
                throw new ForbiddenException("只能反馈送达本单位的建议书。");
            }
        }
        else
        {
            access.RequireStaffOf(letter.CommitteeId);
        }

        RequireStatus(letter, LetterStatus.Sent, letter.Status == LetterStatus.Answered ? "该建议书已有反馈，不能重复反馈。" : "只有已送达的建议书可以记录反馈。");
        new Validation()
            .NotBlank(response, "ResponseText", "部门反馈")
            .MaxLength(response?.Trim(), ResponseMax, "ResponseText", "部门反馈")
            .ThrowIfInvalid();
        letter.Status = LetterStatus.Answered;
        letter.Response = response!.Trim();
        letter.RespondedAt = Now;
        letter.RespondedByName = await db.ActorNameAsync(Actor, ct);
        await SaveAsync(ct);
    }

    /// <summary>A letter a supervisor of its group may change (403 for anyone else who can see it).</summary>
    private async Task<SupervisionLetter> LoadForSupervisorAsync(Guid id, CancellationToken ct)
    {
        var memberId = access.RequireMember();
        var letter = await db.SupervisionLetters.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("建议书");
        await RequireSupervisorAsync(letter.GroupId, memberId, ct);
        return letter;
    }

    /// <summary>A letter of a committee the staff may read, changed only by the staff of its own committee.</summary>
    private async Task<SupervisionLetter> LoadForStaffAsync(Guid id, CancellationToken ct)
    {
        access.RequireStaff();
        var letter = await db.SupervisionLetters.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("建议书");
        access.RequireStaffOf(letter.CommitteeId);
        return letter;
    }

    private async Task RequireSupervisorAsync(Guid groupId, Guid memberId, CancellationToken ct)
    {
        if (!await access.IsInGroupAsync(groupId, memberId, ct))
        {
            throw new ForbiddenException("只有本小组的民主监督员可以起草和修改建议书。");
        }
    }

    private async Task<(Guid? UnitId, string Recipient)> ValidateAsync(LetterInput input, Guid committeeId, CancellationToken ct)
    {
        var v = new Validation()
            .NotBlank(input.Title, "Title", "标题")
            .MaxLength(input.Title?.Trim(), TitleMax, "Title", "标题")
            .NotBlank(input.Body, "Body", "正文")
            .MaxLength(input.Body?.Trim(), BodyMax, "Body", "正文")
            .MaxLength(input.Recipient?.Trim(), RecipientMax, "Recipient", "主送部门名称");
        string? unitName = null;
        if (input.HandlingUnitId is { } unitId)
        {
            unitName = await db.HandlingUnits.AsNoTracking().Where(u => u.Id == unitId && u.CommitteeId == committeeId && u.IsActive)
                .Select(u => u.Name).FirstOrDefaultAsync(ct);
            v.Require(unitName is not null, "HandlingUnitId", "所选主送部门不存在或已停用。");
        }
        else
        {
            v.Require(!string.IsNullOrWhiteSpace(input.Recipient), "Recipient", "请选择主送部门，或填写部门名称。");
        }

        v.ThrowIfInvalid();
        return (input.HandlingUnitId, unitName ?? input.Recipient!.Trim());
    }

    private static void RequireStatus(SupervisionLetter letter, LetterStatus status, string message)
    {
        if (letter.Status != status)
        {
            throw new ConflictException(message);
        }
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(ConcurrentMessage);
        }
    }
}
