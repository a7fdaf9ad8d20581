using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Evaluation;

/// <summary>Who may do what with evaluation projects (DESIGN.md "Who may do what"); every handler asks here.</summary>
public sealed class EvaluationAccess(TongxinDbContext db, IActorAccessor actors)
{
    public const string ConcurrentMessage = "该评价项目已被他人修改，请刷新后重试。";

    private Actor Actor => actors.Actor;

    /// <summary>评价工作人员: a staff account with the 评估 permission.</summary>
    public static bool IsEvaluationStaff(Actor a) => a.IsInRole(Roles.Staff) && a.HasPermission(Permissions.Evaluation);

    /// <summary>The actor's committee when they are evaluation staff, or 403.</summary>
    public Guid RequireStaff() =>
        IsEvaluationStaff(Actor) && Actor.CommitteeId is { } id
            ? id
            : throw new ForbiddenException("只有具有评估权限的工作人员可以管理评价项目。");

    /// <summary>A project of the actor's own committee, tracked, for staff; 404 when absent, 403 for another committee's.</summary>
    public async Task<EvaluationProject> LoadForStaffAsync(Guid projectId, CancellationToken ct = default)
    {
        var committeeId = RequireStaff();
        var project = await db.EvaluationProjects.FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw new NotFoundException("评价项目");
        return project.CommitteeId == committeeId ? project : throw new ForbiddenException("只能管理本级政协的评价项目。");
    }

    /// <summary>The actor's invitation to the project, or 403 (404 when the project is not visible at all).</summary>
    public async Task<(EvaluationProject Project, EvaluationExpert Expert)> LoadForExpertAsync(Guid projectId, CancellationToken ct = default)
    {
        if (Actor.UserId is not { } userId)
        {
            throw new ForbiddenException("请先登录。");
        }

        var project = await db.EvaluationProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw new NotFoundException("评价项目");
        var expert = await db.EvaluationExperts.AsNoTracking().FirstOrDefaultAsync(e => e.ProjectId == projectId && e.UserId == userId, ct)
            ?? throw new ForbiddenException("您未受邀参加该评价项目。");
        return (project, expert);
    }
}

internal static class EvaluationSaving
{
    /// <summary>Saves; a stale version or a duplicate answer of a parallel save becomes a 409 with a Chinese message.</summary>
    public static async Task SaveEvaluationAsync(this TongxinDbContext db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(EvaluationAccess.ConcurrentMessage);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException(SaveFailure.Message);
        }
    }
}
