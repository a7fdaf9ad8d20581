using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.PublicChannels.Studios;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.PublicChannels.Studios;

/// <summary>委员工作室管理: create with hosts, change hosts, renew the address, delete only when empty.</summary>
public class StudioAdminTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_create_a_studio_with_hosts_then_change_its_hosts_and_renew_its_address(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewStudioWorldAsync();
        var admin = (IServiceProvider sp) => sp.GetRequiredService<StudioAdmin>();
        var id = await w.As(w.Staff, sp => admin(sp).CreateAsync(new StudioInput
        {
            Name = "  赵委员工作室 ",
            Description = "关注社区养老。",
            Address = "幸福街道社区服务中心",
            HostMemberIds = [w.OtherMemberId, w.OtherMemberId],
        }));

        var (input, token) = await w.As(w.Staff, sp => admin(sp).GetForEditAsync(id));
        input.Name.ShouldBe("赵委员工作室");
        input.HostMemberIds.ShouldBe([w.OtherMemberId]);
        token.Length.ShouldBe(20);

        input.HostMemberIds = [w.HostMemberId, w.Host2MemberId];
        await w.As(w.Staff, sp => admin(sp).UpdateAsync(id, input));
        var hosts = await w.ReadAsync(d => d.MemberStudioHosts.Where(h => h.StudioId == id).Select(h => h.MemberId).ToListAsync());
        hosts.ShouldBe([w.HostMemberId, w.Host2MemberId], ignoreOrder: true);

        var stale = await Should.ThrowAsync<ConflictException>(w.As(w.Staff, sp => admin(sp).UpdateAsync(id, input)));
        stale.Message.ShouldContain("已被他人修改");

        var (fresh, _) = await w.As(w.Staff, sp => admin(sp).GetForEditAsync(id));
        var renewed = await w.As(w.Staff, sp => admin(sp).RenewTokenAsync(id, fresh.Version));
        renewed.ShouldNotBe(token);
        var list = await w.As(w.Staff, sp => admin(sp).ListAsync("赵委员", 1));
        var row = list.Items.ShouldHaveSingleItem();
        (row.Token, row.Hosts.Count).ShouldBe((renewed, 2));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_studio_needs_a_name_and_hosts_of_its_own_committee(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewStudioWorldAsync();
        var other = await app.NewStudioWorldAsync();
        var admin = (IServiceProvider sp) => sp.GetRequiredService<StudioAdmin>();

        var e = await Should.ThrowAsync<ValidationFailedException>(w.As(w.Staff, sp => admin(sp).CreateAsync(new StudioInput { Name = " ", Address = new string('路', 201) })));
        e.Errors.Keys.ShouldBe(["name", "address", "hostMemberIds"], ignoreOrder: true);
        e = await Should.ThrowAsync<ValidationFailedException>(w.As(w.Staff, sp => admin(sp).CreateAsync(new StudioInput { Name = "跨级工作室", HostMemberIds = [other.HostMemberId] })));
        e.Errors["hostMemberIds"].ShouldBe(["主持委员必须是本级政协的在任委员。"]);
        e = await Should.ThrowAsync<ValidationFailedException>(w.As(w.Staff, sp => admin(sp).CreateAsync(new StudioInput { Name = "张主持委员工作室", HostMemberIds = [w.HostMemberId] })));
        e.Errors["name"].ShouldBe(["委员工作室“张主持委员工作室”已存在。"]);
        (await w.ReadAsync(d => d.MemberStudios.CountAsync(s => s.CommitteeId == w.Committee.Id))).ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_studio_with_messages_is_not_deleted_and_an_empty_one_is_with_its_hosts(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewStudioWorldAsync();
        await w.NewMessageAsync();
        var admin = (IServiceProvider sp) => sp.GetRequiredService<StudioAdmin>();
        var refused = await Should.ThrowAsync<ConflictException>(w.As(w.Staff, sp => admin(sp).DeleteAsync(w.StudioId, 0)));
        refused.Message.ShouldContain("已有 1 条群众来信");

        var empty = await w.As(w.Staff, sp => admin(sp).CreateAsync(new StudioInput { Name = "空工作室", HostMemberIds = [w.HostMemberId] }));
        await w.As(w.Staff, sp => admin(sp).DeleteAsync(empty, 0));
        (await w.ReadAsync(d => d.MemberStudioHosts.AnyAsync(h => h.StudioId == empty))).ShouldBeFalse();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_pages_create_a_studio_and_list_it_with_its_public_address(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewStudioWorldAsync();
        using var s = await WebSession.LoginAsync(w.App, w.Staff.UserName);
        var bad = await s.PostFormAsync("/PublicChannels/Studios/Edit", new() { ["Input.Name"] = "" });
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await bad.Content.ReadAsStringAsync();
        html.ShouldContain("工作室名称不能为空。");
        html.ShouldContain("请至少选择一位主持委员。");

        var ok = await s.PostFormAsync("/PublicChannels/Studios/Edit", new() { ["Input.Name"] = "<b>王委员</b>工作室", ["Input.HostMemberIds"] = w.Host2MemberId.ToString(), ["Input.IsActive"] = "true" });
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await s.GetPageAsync("/PublicChannels/Studios");
        list.ShouldContain("&lt;b&gt;王委员&lt;/b&gt;工作室");
        list.ShouldContain("/Public/Studios/");

        using var host = await WebSession.LoginAsync(w.App, w.Host.UserName);
        (await host.GetAsync("/PublicChannels/Studios")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
