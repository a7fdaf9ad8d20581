using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Drafting;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Drafting;

/// <summary>Who may do each member action: own / co-signer / other member / shared draft / unit /
/// staff / leader / another committee's member / anonymous – decided by the handlers.</summary>
public class DraftingAuthorizationTests
{
    private const string Lead = "第一提案人";
    private const string CoSigner = "联名委员";
    private const string Other = "本会其他委员";
    private const string Unit = "承办单位";
    private const string Staff = "提案委工作人员";
    private const string Leader = "领导";
    private const string Foreign = "其他政协的委员";
    private const string Anonymous = "未登录";

    [Theory, ClassData(typeof(Databases))]
    public async Task Every_member_action_is_allowed_exactly_where_it_should_be(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewWorldAsync();
        var actors = new (string Who, Actor Actor)[]
        {
            (Lead, w.Lead.Actor), (CoSigner, w.CoSigner.Actor), (Other, w.OtherMember.Actor), (Unit, w.Unit.Actor),
            (Staff, w.Staff.Actor), (Leader, w.Leader.Actor), (Foreign, w.ForeignMember.Actor), (Anonymous, Actor.Anonymous("127.0.0.1")),
        };

        async Task<DraftSaved> Draft(bool shared)
        {
            var saved = await app.DraftAsync(w.Lead, DraftingTestData.Input(kind: ProposerKind.Joint, coSigners: w.CoSigner));
            if (shared)
            {
                await app.AsAsync(w.Lead.Actor, sp => sp.GetRequiredService<DiscussionHandler>().ShareAsync(saved.Id));
                saved = saved with { Version = (await app.StoredProposalAsync(saved.Id)).Version };
            }

            return saved;
        }

        static DraftHandler Drafts(IServiceProvider sp) => sp.GetRequiredService<DraftHandler>();

        var cases = new (string Action, Func<Task<Func<IServiceProvider, Task>>> Arrange, string[] Allowed)[]
        {
            ("起草提案", () => Task.FromResult<Func<IServiceProvider, Task>>(sp => Drafts(sp).CreateAsync(DraftingTestData.Input())), [Lead, CoSigner, Other, Foreign]),
            ("查看未发布的草稿", async () => { var d = await Draft(false); return sp => Drafts(sp).GetAsync(d.Id); }, [Lead, CoSigner]),
            ("查看已发布讨论的草稿", async () => { var d = await Draft(true); return sp => Drafts(sp).GetAsync(d.Id); }, [Lead, CoSigner, Other]),
            ("修改草稿", async () =>
            {
                var d = await Draft(true);
                var input = DraftingTestData.Input(kind: ProposerKind.Joint, coSigners: w.CoSigner);
                input.Version = d.Version;
                return sp => Drafts(sp).UpdateAsync(d.Id, input);
            }, [Lead]),
            ("删除草稿", async () => { var d = await Draft(true); return sp => Drafts(sp).DeleteAsync(d.Id); }, [Lead]),
            ("上传附件", async () =>
            {
                var d = await Draft(true);
                return sp => Drafts(sp).UploadAsync(d.Id, new MemoryStream(Encoding.UTF8.GetBytes("附件内容")), "附件.txt");
            }, [Lead]),
            ("发布讨论", async () => { var d = await Draft(false); return sp => sp.GetRequiredService<DiscussionHandler>().ShareAsync(d.Id); }, [Lead]),
            ("停止讨论", async () => { var d = await Draft(true); return sp => sp.GetRequiredService<DiscussionHandler>().UnshareAsync(d.Id); }, [Lead]),
            ("对已发布的草稿发表意见", async () => { var d = await Draft(true); return sp => sp.GetRequiredService<DiscussionHandler>().CommentAsync(d.Id, "意见"); }, [Lead, CoSigner, Other]),
            ("对未发布的草稿发表意见", async () => { var d = await Draft(false); return sp => sp.GetRequiredService<DiscussionHandler>().CommentAsync(d.Id, "意见"); }, []),
            ("提交", async () => { var d = await Draft(true); return sp => Drafts(sp).SubmitAsync(d.Id, d.Version); }, [Lead]),
            ("撤回", async () => { var id = await Submitted(); return sp => Drafts(sp).WithdrawAsync(id); }, [Lead]),
            ("确认联名", async () => { var id = await Submitted(); return sp => sp.GetRequiredService<CoSignHandler>().ConfirmAsync(id); }, [CoSigner]),
            ("拒绝联名", async () => { var id = await Submitted(); return sp => sp.GetRequiredService<CoSignHandler>().DeclineAsync(id); }, [CoSigner]),
            ("查看已提交提案", async () => { var id = await Submitted(); return sp => Drafts(sp).GetAsync(id); }, [Lead, CoSigner]),
            ("查看办理进程", async () => { var id = await Submitted(); return sp => sp.GetRequiredService<TimelineQuery>().LoadAsync(id); }, [Lead, CoSigner, Staff, Leader]),
            ("查看我的提案", () => Task.FromResult<Func<IServiceProvider, Task>>(sp => sp.GetRequiredService<MyProposalsHandler>().ListAsync(null, null, 1)), [Lead, CoSigner, Other, Foreign]),
            ("查看讨论列表", () => Task.FromResult<Func<IServiceProvider, Task>>(sp => sp.GetRequiredService<DiscussionHandler>().ListAsync(1)), [Lead, CoSigner, Other, Foreign]),
            ("查看联名邀请", () => Task.FromResult<Func<IServiceProvider, Task>>(sp => sp.GetRequiredService<CoSignHandler>().ListAsync(true, 1)), [Lead, CoSigner, Other, Foreign]),
        };

        async Task<Guid> Submitted()
        {
            var d = await Draft(false);
            await app.AsAsync(w.Lead.Actor, sp => Drafts(sp).SubmitAsync(d.Id, d.Version));
            return d.Id;
        }

        var wrong = new List<string>();
        foreach (var (action, arrange, allowed) in cases)
        {
            foreach (var (who, actor) in actors)
            {
                var act = await arrange();
                bool wasAllowed;
                try
                {
                    await app.AsAsync(actor, act);
                    wasAllowed = true;
                }
                catch (Exception e) when (e is ForbiddenException or NotFoundException)
                {
                    wasAllowed = false;
                }

                var expected = allowed.Contains(who);
                if (wasAllowed != expected)
                {
                    wrong.Add($"{who}{action}：应{(expected ? "允许" : "拒绝")}，实际{(wasAllowed ? "允许" : "拒绝")}");
                }
            }
        }

        wrong.ShouldBeEmpty();
    }
}
