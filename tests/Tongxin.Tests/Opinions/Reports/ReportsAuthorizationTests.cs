using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Reports;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Opinions.Reports;

/// <summary>Who may do what to a report – author / co-author / other member / staff with and without
/// the sign-off permission / county staff on a city report and city staff on a county report /
/// leader / unit – decided by the handlers.</summary>
public class ReportsAuthorizationTests
{
    private const string Author = "作者";
    private const string CoAuthor = "联名委员";
    private const string Other = "本会其他委员";
    private const string Staff = "有签发权限的工作人员";
    private const string StaffNoSignOff = "无签发权限的工作人员";
    private const string CountyStaff = "区县工作人员";
    private const string Leader = "领导";
    private const string Unit = "承办单位";

    [Theory, ClassData(typeof(Databases))]
    public async Task Every_report_action_is_allowed_exactly_where_it_should_be(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        var actors = new (string Who, Actor Actor)[]
        {
            (Author, w.Lead.Actor), (CoAuthor, w.CoAuthor.Actor), (Other, w.OtherMember.Actor), (Staff, w.Staff.Actor),
            (StaffNoSignOff, w.StaffWithoutSignOff.Actor), (CountyStaff, w.CountyStaff.Actor), (Leader, w.Leader.Actor), (Unit, w.Unit.Actor),
        };
        var joint = () => ReportsWorld.Input(kind: OpinionSubmitterKind.Joint, coAuthors: w.CoAuthor);

        async Task<Func<IServiceProvider, Task>> OnDraft(Func<IServiceProvider, ReportSaved, Task> act)
        {
            var d = await w.DraftAsync(joint());
            return sp => act(sp, d);
        }

        async Task<Func<IServiceProvider, Task>> OnReport(OpinionStatus status, Func<IServiceProvider, Guid, Task> act, bool county = false)
        {
            var id = await w.SubmittedAsync(county ? ReportsWorld.Input() : joint(), county ? w.CountyMember : w.Lead);
            if (status != OpinionStatus.Submitted)
            {
                await w.SetStatusAsync(id, status);
            }

            return sp => act(sp, id);
        }

        async Task<Func<IServiceProvider, Task>> EditText(bool county = false)
        {
            var id = await w.SubmittedAsync(ReportsWorld.Input(), county ? w.CountyMember : w.Lead);
            await w.SetStatusAsync(id, OpinionStatus.Adopted);
            var r = await w.StoredAsync(id);
            var input = new EditTextInput { Title = r.Title, Situation = r.Situation + "（核）", Analysis = r.Analysis, Suggestion = r.Suggestion, Version = r.Version };
            return sp => sp.GetRequiredService<EditingHandler>().EditTextAsync(id, input);
        }

        static ReportHandler Reports(IServiceProvider sp) => sp.GetRequiredService<ReportHandler>();
        static EditingHandler Editing(IServiceProvider sp) => sp.GetRequiredService<EditingHandler>();
        static ReportDetailQuery Detail(IServiceProvider sp) => sp.GetRequiredService<ReportDetailQuery>();

        var cases = new (string Action, Func<Task<Func<IServiceProvider, Task>>> Arrange, string[] Allowed)[]
        {
            ("撰写草稿", () => Task.FromResult<Func<IServiceProvider, Task>>(sp => Reports(sp).CreateAsync(ReportsWorld.Input())), [Author, CoAuthor, Other]),
            ("修改草稿", () => OnDraft((sp, d) => { var i = joint(); i.Version = d.Version; return Reports(sp).UpdateAsync(d.Id, i); }), [Author]),
            ("报送", () => OnDraft((sp, d) => Reports(sp).SubmitAsync(d.Id, d.Version)), [Author]),
            ("删除草稿", () => OnDraft((sp, d) => Reports(sp).DeleteAsync(d.Id)), [Author]),
            ("撤回", () => OnReport(OpinionStatus.Submitted, (sp, id) => Reports(sp).WithdrawAsync(id)), [Author]),
            ("查看已报送的信息", () => OnReport(OpinionStatus.Submitted, (sp, id) => Detail(sp).GetAsync(id)), [Author, CoAuthor, Staff, StaffNoSignOff]),
            ("查看已采用的信息", () => OnReport(OpinionStatus.Adopted, (sp, id) => Detail(sp).GetAsync(id)), [Author, CoAuthor, Staff, StaffNoSignOff, Leader]),
            ("编辑核稿", () => EditText(), [Staff, StaffNoSignOff]),
            ("查看版本对照", () => OnReport(OpinionStatus.Adopted, (sp, id) => Editing(sp).DiffAsync(id, null)), [Staff, StaffNoSignOff]),
            ("签发", () => OnReport(OpinionStatus.Adopted, (sp, id) => Editing(sp).SignOffAsync(id)), [Staff]),
            ("撤回签发", () => OnReport(OpinionStatus.SignedOff, (sp, id) => Editing(sp).ReopenAsync(id)), [Staff]),
            ("查看区县的信息", () => OnReport(OpinionStatus.Submitted, (sp, id) => Detail(sp).GetAsync(id), county: true), [Staff, StaffNoSignOff, CountyStaff]),
            ("编辑核稿区县的信息", () => EditText(county: true), [CountyStaff]),
            ("签发区县的信息", () => OnReport(OpinionStatus.Adopted, (sp, id) => Editing(sp).SignOffAsync(id), county: true), [CountyStaff]),
            ("代为录入", () => Task.FromResult<Func<IServiceProvider, Task>>(sp => sp.GetRequiredService<EntryHandler>().EnterAsync(new EntryInput
            {
                SubmitterKind = OpinionSubmitterKind.InformationOfficer, SubmitterName = "信息员甲", Title = "关于某事的建议", Situation = "情况。",
                Suggestion = "建议。", Category = "其他", ContactName = "甲", ContactPhone = "13800000000",
            })), [Staff, StaffNoSignOff, CountyStaff]),
            ("查看工作设置", () => Task.FromResult<Func<IServiceProvider, Task>>(sp => sp.GetRequiredService<OpinionSettingsHandler>().GetAsync()), [Staff, StaffNoSignOff, CountyStaff]),
            ("查看我的社情民意", () => Task.FromResult<Func<IServiceProvider, Task>>(sp => sp.GetRequiredService<MyReportsHandler>().ListAsync(null, null, 1)), [Author, CoAuthor, Other]),
        };

        var wrong = new List<string>();
        foreach (var (action, arrange, allowed) in cases)
        {
            foreach (var (who, actor) in actors)
            {
                var act = await arrange();
                bool wasAllowed;
                try
                {
                    await w.App.AsAsync(actor, act);
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
