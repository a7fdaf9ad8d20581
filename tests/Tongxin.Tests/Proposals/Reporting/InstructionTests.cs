using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Reporting;

public class InstructionTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_leader_records_an_instruction_with_a_timeline_entry_and_an_event(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReportingTestData.CreateAsync(app);
        var leader = await app.NewUserAsync(w.Committee, Roles.Leader);

        var id = await app.AsAsync(leader.Actor, sp => sp.GetRequiredService<ProposalInstructionHandler>().GiveAsync(w.P["P4"], "  请财政局会同金融办研究落实。 "));

        await app.AsAsync(Actor.System, async sp =>
        {
            var data = sp.GetRequiredService<TongxinDbContext>();
            var instruction = await data.ProposalInstructions.SingleAsync(i => i.Id == id);
            instruction.Text.ShouldBe("请财政局会同金融办研究落实。");
            instruction.LeaderUserId.ShouldBe(leader.Id);
            instruction.LeaderName.ShouldBe("测试领导");
            var entry = await data.ProposalHistory.SingleAsync(h => h.ProposalId == w.P["P4"] && h.Kind == ProposalEventKind.Instruction);
            entry.Text.ShouldBe("请财政局会同金融办研究落实。");
            (await data.OutboxMessages.AnyAsync(m => m.Type == nameof(ProposalChanged) && m.Payload.Contains(w.P["P4"].ToString()))).ShouldBeTrue();
            (await data.Proposals.SingleAsync(p => p.Id == w.P["P4"])).LastActivityAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime);
        });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_instruction_needs_text_and_a_filed_proposal(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReportingTestData.CreateAsync(app);
        var leader = await app.NewUserAsync(w.Committee, Roles.Leader);
        var other = await ReportingTestData.CreateAsync(app);

        Task<Guid> Give(Guid proposalId, string text) =>
            app.AsAsync(leader.Actor, sp => sp.GetRequiredService<ProposalInstructionHandler>().GiveAsync(proposalId, text));

        (await Should.ThrowAsync<ValidationFailedException>(() => Give(w.P["P1"], "   "))).Errors.Keys.ShouldContain("text");
        (await Should.ThrowAsync<ConflictException>(() => Give(w.P["P8"], "请审查。"))).Message.ShouldContain("待审查");
        await Should.ThrowAsync<NotFoundException>(() => Give(other.P["P1"], "请办理。"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_leader_dashboard_shows_key_proposals_and_instructions_given_through_the_form(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReportingTestData.CreateAsync(app);
        var leader = await app.NewUserAsync(w.Committee, Roles.Leader);
        using var web = await WebSession.LoginAsync(app, leader.UserName);

        var response = await web.PostFormAsync($"/Proposals/Leader/Instruct/{w.P["P1"]}", new() { ["Text"] = "公交线网优化要听取群众意见。" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/Proposals/Detail/{w.P["P1"]}");
        var html = await web.GetPageAsync("/Proposals/Leader");
        html.ShouldContain("关于优化公交线网的建议");
        html.ShouldContain("关于支持小微企业融资的建议");
        html.ShouldContain("公交线网优化要听取群众意见。");
        html.ShouldContain("data-figure=\"instructions\">4<");

        var blank = await web.PostFormAsync($"/Proposals/Leader/Instruct/{w.P["P1"]}", new() { ["Text"] = "" });
        blank.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await blank.Content.ReadAsStringAsync()).ShouldContain("请填写批示内容。");

        var api = await web.Client.PostAsJsonAsync($"/api/v1/proposals/{w.P["P4"]}/instructions", new { text = "抓紧办理。" });
        api.StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
