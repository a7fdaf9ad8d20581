using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Accounts;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Evaluation;

/// <summary>A project in the list.</summary>
public sealed record ProjectRow(Guid Id, string Title, EvaluationUse Use, EvaluationStatus Status, int CurrentRound, int ExpertCount, DateTime CreatedAt);

/// <summary>A node of the tree as shown.</summary>
public sealed record NodeRow(Guid Id, Guid? ParentId, string Key, string Name, int SortOrder, int Version);

/// <summary>An invited expert as staff see them.</summary>
public sealed record ExpertRow(Guid Id, Guid UserId, string Name, string Alias, int Answered);

/// <summary>A round as staff see it.</summary>
public sealed record RoundRow(int Number, DateTime OpenedAt, DateTime? ClosedAt, double? KendallW, double? KendallP, double? MaxCv, Tongxin.Evaluation.DelphiDecision? Decision, string Explanation);

/// <summary>A project with its tree, experts and rounds.</summary>
public sealed record ProjectView(
    Guid Id, Guid CommitteeId, string Title, string Description, EvaluationUse Use, EvaluationStatus Status, int CurrentRound,
    int MaxRounds, double CrThreshold, ExpertAggregation Aggregation, int Version,
    IReadOnlyList<NodeRow> Nodes, IReadOnlyList<ExpertRow> Experts, IReadOnlyList<RoundRow> Rounds)
{
    public IEnumerable<NodeRow> ChildrenOf(Guid? parentId) => Nodes.Where(n => n.ParentId == parentId).OrderBy(n => n.SortOrder);

    /// <summary>The parents experts compare (two or more children), in tree order.</summary>
    public IReadOnlyList<NodeRow> Questions => [.. TreeOrder().Where(n => ChildrenOf(n.Id).Count() >= 2)];

    /// <summary>Depth-first order from the goal.</summary>
    public IEnumerable<NodeRow> TreeOrder()
    {
        foreach (var root in ChildrenOf(null))
        {
            foreach (var n in Walk(root))
            {
                yield return n;
            }
        }

        IEnumerable<NodeRow> Walk(NodeRow n) => new[] { n }.Concat(ChildrenOf(n.Id).SelectMany(Walk));
    }

    public int LevelOf(NodeRow node) => node.ParentId is { } p ? 1 + LevelOf(Nodes.First(n => n.Id == p)) : 0;
}

/// <summary>An account staff may invite.</summary>
public sealed record CandidateRow(Guid UserId, string UserName, string DisplayName);

/// <summary>新建评价项目表单.</summary>
public sealed class ProjectInput
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public EvaluationUse Use { get; set; }
    public string? Template { get; set; }
}

/// <summary>评价项目管理 – what evaluation staff do: projects from templates, the tree, experts, rounds.
/// Every method checks the actor (<see cref="EvaluationAccess"/>).</summary>
public sealed class ProjectHandler(TongxinDbContext db, EvaluationAccess access, UserManager<AppUser> users, IActorAccessor actors, TimeProvider time)
{
    public const int MaxChildren = Tongxin.Evaluation.PairwiseMatrix.MaxOrder;
    public const int MaxDepth = 4;

    private Actor Actor => actors.Actor;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<PagedList<ProjectRow>> ListAsync(int page, CancellationToken ct = default)
    {
        var committeeId = access.RequireStaff();
        return await db.EvaluationProjects.AsNoTracking().Where(p => p.CommitteeId == committeeId)
            .OrderByDescending(p => p.CreatedAt)
            .Select(p => new ProjectRow(p.Id, p.Title, p.Use, p.Status, p.CurrentRound, db.EvaluationExperts.Count(e => e.ProjectId == p.Id), p.CreatedAt))
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
    }

    /// <summary>新建评价项目, empty (goal only) or from a template.</summary>
    public async Task<Guid> CreateAsync(ProjectInput input, CancellationToken ct = default)
    {
        var committeeId = access.RequireStaff();
        var template = EvaluationTemplates.Find(input.Template);
        new Validation()
            .NotBlank(input.Title, nameof(input.Title), "项目名称")
            .MaxLength(input.Title?.Trim(), 100, nameof(input.Title), "项目名称")
            .MaxLength(input.Description?.Trim(), 1000, nameof(input.Description), "项目说明")
            .Require(Enum.IsDefined(input.Use), nameof(input.Use), "请选择评价用途。")
            .Require(string.IsNullOrEmpty(input.Template) || template is not null, nameof(input.Template), "所选模板不存在。")
            .ThrowIfInvalid();
        var project = new EvaluationProject
        {
            CommitteeId = committeeId,
            Title = (input.Title ?? "").Trim(),
            Description = input.Description?.Trim() ?? template?.Description ?? "",
            Use = input.Use,
            Template = template?.Key ?? "",
            CreatedAt = Now,
            CreatedByName = Actor.UserName,
        };
        db.EvaluationProjects.Add(project);
        var goal = new TemplateNode(template?.Goal.Name ?? project.Title, template?.Goal.Children ?? []);
        AddTree(project, goal, null, "G", 0);
        await db.SaveEvaluationAsync(ct);
        return project.Id;
    }

    private void AddTree(EvaluationProject project, TemplateNode node, Guid? parentId, string key, int order)
    {
        var row = new EvaluationNode { CommitteeId = project.CommitteeId, ProjectId = project.Id, ParentId = parentId, Key = key, Name = node.Name, SortOrder = order };
        db.EvaluationNodes.Add(row);
        for (var k = 0; k < node.Children.Count; k++)
        {
            AddTree(project, node.Children[k], row.Id, ChildKey(key, k + 1), k + 1);
        }
    }

    /// <summary>G → D1, D2 …; D1 → C1.1, C1.2 …; deeper levels append ".n".</summary>
    internal static string ChildKey(string parentKey, int n) =>
        parentKey == "G" ? $"D{n}" : parentKey.StartsWith('D') ? $"C{parentKey[1..]}.{n}" : $"{parentKey}.{n}";

    public async Task<ProjectView> GetAsync(Guid projectId, CancellationToken ct = default)
    {
        var p = await access.LoadForStaffAsync(projectId, ct);
        return await ViewAsync(p, ct);
    }

    internal async Task<ProjectView> ViewAsync(EvaluationProject p, CancellationToken ct)
    {
        var nodes = await Nodes(db, p.Id).ToListAsync(ct);
        var round = await db.EvaluationRounds.AsNoTracking().Where(r => r.ProjectId == p.Id && r.Number == p.CurrentRound).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        var experts = await db.EvaluationExperts.AsNoTracking().Where(e => e.ProjectId == p.Id).OrderBy(e => e.InvitedAt)
            .Select(e => new ExpertRow(e.Id, e.UserId, e.Name, e.Alias, db.EvaluationAnswers.Count(a => a.ExpertId == e.Id && a.RoundId == round)))
            .ToListAsync(ct);
        var rounds = await db.EvaluationRounds.AsNoTracking().Where(r => r.ProjectId == p.Id).OrderBy(r => r.Number)
            .Select(r => new RoundRow(r.Number, r.OpenedAt, r.ClosedAt, r.KendallW, r.KendallP, r.MaxCoefficientOfVariation, r.Decision, r.Explanation))
            .ToListAsync(ct);
        return new ProjectView(p.Id, p.CommitteeId, p.Title, p.Description, p.Use, p.Status, p.CurrentRound, p.MaxRounds, p.CrThreshold,
            p.Aggregation, p.Version, nodes, experts, rounds);
    }

    internal static IQueryable<NodeRow> Nodes(TongxinDbContext db, Guid projectId) =>
        db.EvaluationNodes.AsNoTracking().Where(n => n.ProjectId == projectId).OrderBy(n => n.SortOrder)
            .Select(n => new NodeRow(n.Id, n.ParentId, n.Key, n.Name, n.SortOrder, n.Version));

    /// <summary>添加下级指标.</summary>
    public async Task<Guid> AddNodeAsync(Guid projectId, Guid parentId, string? name, CancellationToken ct = default)
    {
        var project = await LoadDraftAsync(projectId, ct);
        var view = await ViewAsync(project, ct);
        var parent = view.Nodes.FirstOrDefault(n => n.Id == parentId) ?? throw new NotFoundException("上级指标");
        var siblings = view.ChildrenOf(parentId).ToList();
        ValidateName(name, siblings, null);
        new Validation()
            .Require(siblings.Count < MaxChildren, "Name", $"同一指标下最多 {MaxChildren} 个下级指标。")
            .Require(view.LevelOf(parent) < MaxDepth, "Name", $"层次结构最多 {MaxDepth + 1} 层。")
            .ThrowIfInvalid();
        var n = siblings.Count + 1;
        while (view.Nodes.Any(x => x.Key == ChildKey(parent.Key, n)))
        {
            n++;
        }

        var node = new EvaluationNode
        {
            CommitteeId = project.CommitteeId,
            ProjectId = project.Id,
            ParentId = parentId,
            Key = ChildKey(parent.Key, n),
            Name = name!.Trim(),
            SortOrder = siblings.Count == 0 ? 1 : siblings.Max(s => s.SortOrder) + 1,
        };
        db.EvaluationNodes.Add(node);
        await db.SaveEvaluationAsync(ct);
        return node.Id;
    }

    /// <summary>修改指标名称.</summary>
    public async Task RenameNodeAsync(Guid projectId, Guid nodeId, string? name, int version, CancellationToken ct = default)
    {
        var project = await LoadDraftAsync(projectId, ct);
        var node = await db.EvaluationNodes.FirstOrDefaultAsync(n => n.Id == nodeId && n.ProjectId == project.Id, ct) ?? throw new NotFoundException("指标");
        db.ExpectVersion(node, version);
        // Filtered after loading: a query cannot filter on the projected record's members (EF cannot translate them).
        var siblings = (await Nodes(db, project.Id).ToListAsync(ct)).Where(n => n.ParentId == node.ParentId).ToList();
        ValidateName(name, siblings, nodeId);
        node.Name = name!.Trim();
        await db.SaveEvaluationAsync(ct);
    }

    /// <summary>删除指标 and everything below it (not the goal).</summary>
    public async Task RemoveNodeAsync(Guid projectId, Guid nodeId, CancellationToken ct = default)
    {
        var project = await LoadDraftAsync(projectId, ct);
        var all = await db.EvaluationNodes.Where(n => n.ProjectId == project.Id).ToListAsync(ct);
        var node = all.FirstOrDefault(n => n.Id == nodeId) ?? throw new NotFoundException("指标");
        if (node.ParentId is null)
        {
            throw new ConflictException("目标层不能删除。");
        }

        var doomed = new List<EvaluationNode>();
        void Collect(EvaluationNode n)
        {
            doomed.Add(n);
            all.Where(c => c.ParentId == n.Id).ToList().ForEach(Collect);
        }

        Collect(node);
        db.EvaluationNodes.RemoveRange(doomed);
        await db.SaveEvaluationAsync(ct);
    }

    /// <summary>Existing accounts of the committee matching a name, not yet invited (admin accounts excluded).</summary>
    public async Task<IReadOnlyList<CandidateRow>> CandidatesAsync(Guid projectId, string? search, CancellationToken ct = default)
    {
        var project = await access.LoadForStaffAsync(projectId, ct);
        if (string.IsNullOrWhiteSpace(search))
        {
            return [];
        }

        var term = search.Trim();
        var admins = db.UserRoles.Join(db.Roles.Where(r => Roles.Admins.Contains(r.Name!)), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId);
        var invited = db.EvaluationExperts.Where(e => e.ProjectId == project.Id).Select(e => e.UserId);
        return await db.Users.AsNoTracking()
            .Where(u => u.CommitteeId == project.CommitteeId && !u.IsDisabled && (u.DisplayName.Contains(term) || u.UserName!.Contains(term))
                && !admins.Contains(u.Id) && !invited.Contains(u.Id))
            .OrderBy(u => u.DisplayName).Take(20)
            .Select(u => new CandidateRow(u.Id, u.UserName!, u.DisplayName))
            .ToListAsync(ct);
    }

    /// <summary>邀请专家 – an account of the project's committee.</summary>
    public async Task<Guid> InviteAsync(Guid projectId, Guid userId, CancellationToken ct = default)
    {
        var project = await access.LoadForStaffAsync(projectId, ct);
        if (project.Status == EvaluationStatus.Finished)
        {
            throw new ConflictException("评价项目已完成，不能再邀请专家。");
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && u.CommitteeId == project.CommitteeId, ct)
            ?? throw new ValidationFailedException("UserId", "只能邀请本级政协的账号。");
        if (user.IsDisabled)
        {
            throw new ValidationFailedException("UserId", "该账号已停用。");
        }

        if (await db.EvaluationExperts.AnyAsync(e => e.ProjectId == project.Id && e.UserId == userId, ct))
        {
            throw new ValidationFailedException("UserId", $"{user.DisplayName}已受邀。");
        }

        var count = await db.EvaluationExperts.CountAsync(e => e.ProjectId == project.Id, ct);
        var expert = new EvaluationExpert
        {
            CommitteeId = project.CommitteeId,
            ProjectId = project.Id,
            UserId = userId,
            Name = user.DisplayName.Length > 0 ? user.DisplayName : user.UserName!,
            Alias = $"专家{count + 1}",
            InvitedAt = Now,
        };
        db.EvaluationExperts.Add(expert);
        // The project's version moves with every invitation, so two parallel invitations cannot take one alias.
        db.Entry(project).Property(p => p.Version).IsModified = true;
        await db.SaveEvaluationAsync(ct);
        return expert.Id;
    }

    /// <summary>新建专家账号 – an account without role or module permission in the project's committee, which can
    /// sign in and answer the projects it is invited to; the expert changes the password at the first sign-in.</summary>
    public async Task<Guid> CreateExpertAccountAsync(Guid projectId, string? userName, string? displayName, string? password, CancellationToken ct = default)
    {
        var project = await access.LoadForStaffAsync(projectId, ct);
        new Validation()
            .NotBlank(userName, "UserName", "用户名")
            .MaxLength(userName?.Trim(), 64, "UserName", "用户名")
            .NotBlank(displayName, "DisplayName", "专家姓名")
            .MaxLength(displayName?.Trim(), 100, "DisplayName", "专家姓名")
            .NotBlank(password, "Password", "初始密码")
            .ThrowIfInvalid();
        var user = new AppUser
        {
            UserName = userName!.Trim(),
            DisplayName = displayName!.Trim(),
            CommitteeId = project.CommitteeId,
            PasswordChangedAt = AccountPolicy.MustChange,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        UserAdminHandler.ThrowIfFailed(await users.CreateAsync(user, password!), "Password");
        db.Audit("新建评价专家账号", nameof(AppUser), user.Id.ToString(), "成功", $"{user.DisplayName}；评价项目 {project.Title}");
        await InviteAsync(projectId, user.Id, ct);
        await tx.CommitAsync(ct);
        return user.Id;
    }

    /// <summary>取消邀请 – only before the expert answered anything.</summary>
    public async Task RemoveExpertAsync(Guid projectId, Guid expertId, CancellationToken ct = default)
    {
        var project = await access.LoadForStaffAsync(projectId, ct);
        var expert = await db.EvaluationExperts.FirstOrDefaultAsync(e => e.Id == expertId && e.ProjectId == project.Id, ct) ?? throw new NotFoundException("专家");
        if (await db.EvaluationAnswers.AnyAsync(a => a.ExpertId == expertId, ct))
        {
            throw new ConflictException("该专家已作答，不能取消邀请。");
        }

        db.EvaluationExperts.Remove(expert);
        await db.SaveEvaluationAsync(ct);
    }

    /// <summary>开启下一轮 – the first round freezes the tree; needs an expert and every parent with one or more children set.</summary>
    public async Task OpenRoundAsync(Guid projectId, int version, CancellationToken ct = default)
    {
        var project = await access.LoadForStaffAsync(projectId, ct);
        db.ExpectVersion(project, version);
        if (project.Status is not (EvaluationStatus.Draft or EvaluationStatus.Closed))
        {
            throw new ConflictException($"项目当前状态为“{project.Status.DisplayName()}”，不能开启新一轮。");
        }

        if (project.CurrentRound >= project.MaxRounds)
        {
            throw new ConflictException($"已进行 {project.CurrentRound} 轮，达到最大轮次 {project.MaxRounds}，请结束项目。");
        }

        var view = await ViewAsync(project, ct);
        if (view.Experts.Count == 0)
        {
            throw new ConflictException("请先邀请专家。");
        }

        if (view.Questions.Count == 0)
        {
            throw new ConflictException("层次结构中还没有需要两两比较的指标（至少一个指标下有两个下级指标）。");
        }

        project.CurrentRound++;
        project.Status = EvaluationStatus.Open;
        db.EvaluationRounds.Add(new EvaluationRound { CommitteeId = project.CommitteeId, ProjectId = project.Id, Number = project.CurrentRound, OpenedAt = Now });
        db.Audit("开启评价轮次", nameof(EvaluationProject), project.Id.ToString(), "成功", $"第 {project.CurrentRound} 轮");
        await db.SaveEvaluationAsync(ct);
    }

    /// <summary>结束本轮 – stores the round's Delphi summary; every question needs at least one answer.</summary>
    public async Task CloseRoundAsync(Guid projectId, int version, CancellationToken ct = default)
    {
        var project = await access.LoadForStaffAsync(projectId, ct);
        db.ExpectVersion(project, version);
        if (project.Status != EvaluationStatus.Open)
        {
            throw new ConflictException("当前没有进行中的轮次。");
        }

        var round = await db.EvaluationRounds.FirstAsync(r => r.ProjectId == project.Id && r.Number == project.CurrentRound, ct);
        var view = await ViewAsync(project, ct);
        var answers = await RoundAnswers.LoadAsync(db, round.Id, ct);
        var summary = RoundAnswers.Summarize(view, answers, round.Number, project)
            ?? throw new ConflictException("尚有指标无人作答，不能结束本轮。");
        Close(round, summary, Now);
        project.Status = EvaluationStatus.Closed;
        db.Audit("结束评价轮次", nameof(EvaluationProject), project.Id.ToString(), "成功", round.Explanation);
        await db.SaveEvaluationAsync(ct);
    }

    /// <summary>Stores a round's Delphi summary on it (also used by the demo seeder).</summary>
    internal static void Close(EvaluationRound round, Tongxin.Evaluation.DelphiRoundSummary summary, DateTime now)
    {
        round.ClosedAt = now;
        round.KendallW = summary.Agreement?.W;
        round.KendallP = summary.Agreement?.PValue;
        round.MaxCoefficientOfVariation = summary.Items.Max(i => double.IsFinite(i.Value.CoefficientOfVariation) ? i.Value.CoefficientOfVariation : 99);
        round.Decision = summary.Decision;
        round.Explanation = summary.Explanation.Length > 500 ? summary.Explanation[..500] : summary.Explanation;
    }

    /// <summary>完成项目 – after a closed round; no more rounds.</summary>
    public async Task FinishAsync(Guid projectId, int version, CancellationToken ct = default)
    {
        var project = await access.LoadForStaffAsync(projectId, ct);
        db.ExpectVersion(project, version);
        if (project.Status != EvaluationStatus.Closed)
        {
            throw new ConflictException("请先结束进行中的轮次（至少完成一轮）。");
        }

        project.Status = EvaluationStatus.Finished;
        await db.SaveEvaluationAsync(ct);
    }

    private static void ValidateName(string? name, IEnumerable<NodeRow> siblings, Guid? self) =>
        new Validation()
            .NotBlank(name, "Name", "指标名称")
            .MaxLength(name?.Trim(), 100, "Name", "指标名称")
            .Require(name is null || !siblings.Any(s => s.Id != self && s.Name == name.Trim()), "Name", "同一上级下已有同名指标。")
            .ThrowIfInvalid();

    /// <summary>The tree changes only while Draft; the project's version moves with each change (one of two parallel edits wins).</summary>
    private async Task<EvaluationProject> LoadDraftAsync(Guid projectId, CancellationToken ct)
    {
        var project = await access.LoadForStaffAsync(projectId, ct);
        if (project.Status != EvaluationStatus.Draft)
        {
            throw new ConflictException("评价已开始，层次结构不能再修改。");
        }

        db.Entry(project).Property(p => p.Version).IsModified = true;
        return project;
    }
}
