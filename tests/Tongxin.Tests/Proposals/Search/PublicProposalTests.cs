using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongxin.Modules.Proposals;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Search;

/// <summary>公开提案: anyone, signed in or not, reads filed proposals whose proposers agreed to
/// publication, with their approved replies, and nothing else.</summary>
public sealed class PublicProposalTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_public_sees_only_published_filed_proposals_without_signing_in(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var filed = await app.AddProposalAsync(committee.Id, "关于完善居家养老服务的建议", "助餐点少。", "建设长者食堂。", ProposalStatus.Completed,
            leadName: "李明华",
            replies: [new SearchTestData.Reply("已新建长者食堂十二家。"), new SearchTestData.Reply("拟再建五家（未审核）。", ReplyStatus.Submitted, "市财政局")]);
        var draft = await app.AddProposalAsync(committee.Id, "关于养老服务草稿的建议", "草稿内容。", status: ProposalStatus.Draft);
        var submitted = await app.AddProposalAsync(committee.Id, "关于养老机构审查中的建议", "审查中。", status: ProposalStatus.Submitted);
        var notFiled = await app.AddProposalAsync(committee.Id, "关于养老不予立案的建议", "不予立案。", status: ProposalStatus.NotFiled);
        var unpublished = await app.AddProposalAsync(committee.Id, "关于养老不同意公开的建议", "不公开。", mayPublish: false);
        await app.IndexAsync();

        using var anonymous = new WebSession(app);
        var list = await anonymous.GetPageAsync($"/Public/Proposals?committeeId={committee.Id}&q=%E5%85%BB%E8%80%81");
        list.ShouldContain($"/Public/Proposals/{filed}");
        list.ShouldContain("关于完善居家<mark>养老</mark>服务的建议");
        foreach (var hidden in new[] { draft, submitted, notFiled, unpublished })
        {
            list.ShouldNotContain(hidden.ToString());
        }

        var browse = await anonymous.GetPageAsync($"/Public/Proposals?committeeId={committee.Id}");
        browse.ShouldContain("共 1 条");

        var detail = await anonymous.GetPageAsync($"/Public/Proposals/{filed}");
        detail.ShouldContain("建设长者食堂。");
        detail.ShouldContain("李明华");
        detail.ShouldContain("已新建长者食堂十二家。");
        detail.ShouldNotContain("拟再建五家");
        foreach (var hidden in new[] { draft, submitted, notFiled, unpublished })
        {
            (await anonymous.GetAsync($"/Public/Proposals/{hidden}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var api = await anonymous.Client.GetFromJsonAsync<JsonElement>($"/api/v1/public/proposals?committeeId={committee.Id}");
        api.GetProperty("total").GetInt32().ShouldBe(1);
        api.GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(filed);
        var one = await anonymous.Client.GetFromJsonAsync<JsonElement>($"/api/v1/public/proposals/{filed}");
        one.GetProperty("replies").GetArrayLength().ShouldBe(1);
        (await anonymous.GetAsync($"/api/v1/public/proposals/{draft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await anonymous.GetPageAsync("/Account/Login")).ShouldContain("/Public/Proposals");
    }
}
