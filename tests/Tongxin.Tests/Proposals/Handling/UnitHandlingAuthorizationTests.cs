using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Handling;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Handling;

/// <summary>Who may do what on the unit side: only the unit an active assignment belongs to; every
/// other unit (same committee, a returned assignment, a county unit) gets 404 as if the proposal did
/// not exist, and every other role 403.</summary>
public class UnitHandlingAuthorizationTests
{
    private static readonly string[] Actions = ["查看", "签收", "申请退回", "登记联系", "协办意见", "保存答复", "提交答复", "更新事项", "收件箱", "导出"];

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_the_assigned_unit_may_act_and_everyone_else_is_refused_for_every_action(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        var county = await app.NewHandlingWorldAsync(w.Committee.Id, CommitteeLevel.County);
        var id = await app.NewAssignedProposalAsync(w, AssignmentMode.Split, [(w.Unit1, AssignmentRole.Split), (w.Unit2, AssignmentRole.Split)], status: AssignmentStatus.Accepted);
        await app.MarkReturnedAsync(id, w.Unit2.UnitId);
        await app.ContactAndSubmitAsync(w.Unit1, id);
        await app.StaffApproveAsync(id);
        var itemId = await app.ReadAsync(d => d.ProposalReplyItems.Where(i => i.ProposalId == id).Select(i => i.Id).FirstAsync());

        var staff = await app.NewUserAsync(w.Committee, Roles.Staff, [Permissions.Proposals]);
        var leader = await app.NewUserAsync(w.Committee, Roles.Leader);
        var denied = new (string Who, Actor Actor, Type Expected)[]
        {
            ("未交办的本级承办单位", w.Unit3.Actor, typeof(NotFoundException)),
            ("交办已退回的单位", w.Unit2.Actor, typeof(NotFoundException)),
            ("区县承办单位", county.Unit1.Actor, typeof(NotFoundException)),
            ("提案人（委员）", w.Member.Actor, typeof(ForbiddenException)),
            ("提案委工作人员", staff.Actor, typeof(ForbiddenException)),
            ("领导", leader.Actor, typeof(ForbiddenException)),
            ("未登录", Actor.Anonymous("127.0.0.1"), typeof(ForbiddenException)),
        };

        foreach (var (who, actor, expected) in denied)
        {
            foreach (var action in Actions)
            {
                if (expected == typeof(NotFoundException) && action is "收件箱" or "导出")
                {
                    continue; // Their own inbox is theirs to read; it is checked below not to list this proposal.
                }

                var thrown = await Should.ThrowAsync<DomainException>(app.AsAsync(actor, sp => RunAsync(sp, action, id, itemId)), $"{who} {action}");
                thrown.GetType().ShouldBe(expected, $"{who} {action}");
            }
        }

        foreach (var unit in new[] { w.Unit3, w.Unit2, county.Unit1 })
        {
            var list = await app.AsAsync(unit.Actor, sp => sp.GetRequiredService<UnitInboxHandler>().ListAsync(new UnitInboxFilter(), 1));
            list.Items.ShouldNotContain(r => r.ProposalId == id && r.Status != AssignmentStatus.Returned);
        }

        (await app.ReadAsync(d => d.ProposalHistory.CountAsync(h => h.ProposalId == id))).ShouldBe(2, "nobody refused changed anything");
        (await app.ReadAsync(d => d.ProposalReplyItems.Where(i => i.Id == itemId).Select(i => i.Status).SingleAsync())).ShouldBe(ItemStatus.InProgress);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_assigned_unit_may_do_every_action_in_its_role(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        var single = await app.NewSingleAsync(w);
        var toReturn = await app.NewSingleAsync(w);
        var asCo = await app.NewAssignedProposalAsync(w, AssignmentMode.LeadWithCo, [(w.Unit2, AssignmentRole.Lead), (w.Unit1, AssignmentRole.Co)], status: AssignmentStatus.Accepted);

        await app.AsUnitAsync(w.Unit1.Actor, h => h.AcceptAsync(single));
        await app.AsUnitAsync(w.Unit1.Actor, h => h.RequestReturnAsync(toReturn, new ReturnRequestInput { Reason = "不属于本单位职责。" }));
        await app.AsUnitAsync(w.Unit1.Actor, h => h.AddContactAsync(single, app.Phone()));
        await app.AsUnitAsync(w.Unit1.Actor, h => h.GiveCoOpinionAsync(asCo, new CoOpinionInput { Text = "同意主办单位意见。" }));
        await app.AsUnitAsync(w.Unit1.Actor, h => h.SaveReplyAsync(single, HandlingTestData.ClassB(), submit: false));
        await app.AsUnitAsync(w.Unit1.Actor, h => h.SaveReplyAsync(single, HandlingTestData.ClassB(), submit: true));
        await app.StaffApproveAsync(single);
        var itemId = await app.ReadAsync(d => d.ProposalReplyItems.Where(i => i.ProposalId == single).Select(i => i.Id).FirstAsync());
        await app.AsUnitAsync(w.Unit1.Actor, h => h.UpdateItemAsync(single, itemId, new ItemStatusInput { Status = ItemStatus.Done }));

        var list = await app.AsAsync(w.Unit1.Actor, sp => sp.GetRequiredService<UnitInboxHandler>().ListAsync(new UnitInboxFilter(), 1));
        list.Items.Select(r => r.ProposalId).ShouldBe([single, toReturn, asCo], ignoreOrder: true);
        (await app.ViewAsync(w.Unit1.Actor, single)).Timeline.Select(t => t.Kind).ShouldBe(
            [ProposalEventKind.Accepted, ProposalEventKind.Contacted, ProposalEventKind.ReplySubmitted, ProposalEventKind.ItemUpdated], ignoreOrder: true);
    }

    private static async Task RunAsync(IServiceProvider sp, string action, Guid id, Guid itemId)
    {
        var h = sp.GetRequiredService<UnitHandlingHandler>();
        var inbox = sp.GetRequiredService<UnitInboxHandler>();
        switch (action)
        {
            case "查看":
                await sp.GetRequiredService<UnitHandlingQueries>().GetAsync(id);
                break;
            case "签收":
                await h.AcceptAsync(id);
                break;
            case "申请退回":
                await h.RequestReturnAsync(id, new ReturnRequestInput { Reason = "不属于本单位职责。" });
                break;
            case "登记联系":
                await h.AddContactAsync(id, new ContactInput { Method = ContactMethod.Phone, Date = new DateOnly(2026, 3, 1), Notes = "电话" });
                break;
            case "协办意见":
                await h.GiveCoOpinionAsync(id, new CoOpinionInput { Text = "意见" });
                break;
            case "保存答复":
                await h.SaveReplyAsync(id, HandlingTestData.ClassB(), submit: false);
                break;
            case "提交答复":
                await h.SaveReplyAsync(id, HandlingTestData.ClassB(), submit: true);
                break;
            case "更新事项":
                await h.UpdateItemAsync(id, itemId, new ItemStatusInput { Status = ItemStatus.Done });
                break;
            case "收件箱":
                await inbox.ListAsync(new UnitInboxFilter(), 1);
                break;
            case "导出":
                await inbox.ExportAsync(new UnitInboxFilter());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }
}
