using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Studios;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.PublicChannels.Studios;

/// <summary>The authorization matrix: host member / other member, unit forwarded to / other unit,
/// 公众渠道 staff own / other committee / without the permission, county staff, public.</summary>
public class StudioAuthorizationTests
{
    private static readonly string[] HostActions = ["查看来信", "答复", "转交", "可转交单位"];
    private static readonly string[] UnitActions = ["查看转交", "单位答复"];
    private static readonly string[] AdminActions = ["工作室列表", "新增", "修改", "更换地址", "删除", "委员名单"];

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_hosts_and_own_public_channel_staff_act_on_a_message_and_only_the_forwarded_unit_answers(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewStudioWorldAsync();
        var county = await app.NewStudioWorldAsync(w.Committee.Id);
        var leader = await app.NewUserAsync(w.Committee, Roles.Leader);
        var forwarded = await w.NewMessageAsync(PublicSubmissionStatus.ForwardedToUnit, unitId: w.UnitId);

        var hostDenied = new (string Who, Actor Actor, Type Expected)[]
        {
            ("非主持委员", w.OtherMember.Actor, typeof(NotFoundException)),
            ("其他政协的主持委员", county.Host.Actor, typeof(NotFoundException)),
            ("无公众渠道权限的工作人员", w.StaffWithoutPublic.Actor, typeof(ForbiddenException)),
            ("区县公众渠道工作人员", county.Staff.Actor, typeof(NotFoundException)),
            ("承办单位", w.Unit.Actor, typeof(ForbiddenException)),
            ("领导", leader.Actor, typeof(ForbiddenException)),
            ("公众", Actor.Public(w.Committee.Id, "127.0.0.1"), typeof(ForbiddenException)),
            ("未登录", Actor.Anonymous("127.0.0.1"), typeof(ForbiddenException)),
        };
        foreach (var (who, actor, expected) in hostDenied)
        {
            var id = await w.NewMessageAsync();
            foreach (var action in HostActions)
            {
                var thrown = await Should.ThrowAsync<DomainException>(app.AsAsync(actor, sp => HostAsync(sp, action, id, w.UnitId)), $"{who} {action}");
                thrown.GetType().ShouldBe(expected, $"{who} {action}");
            }

            (await w.MessageAsync(id)).Status.ShouldBe(PublicSubmissionStatus.Received, who);
        }

        // City staff may read the county's records (parent committee), yet answer only their own studios'.
        var cityStaff = await app.NewUserAsync(w.Committee, Roles.Staff, [Permissions.Public]);
        var countyMessage = await county.NewMessageAsync();
        await Should.ThrowAsync<NotFoundException>(app.AsAsync(cityStaff.Actor, sp => HostAsync(sp, "答复", countyMessage, county.UnitId)));

        foreach (var allowed in new[] { w.Host, w.Host2, w.Staff })
        {
            foreach (var action in HostActions)
            {
                var id = await w.NewMessageAsync();
                await w.As(allowed, sp => HostAsync(sp, action, id, w.UnitId));
            }
        }

        var unitDenied = new (string Who, Actor Actor, Type Expected)[]
        {
            ("其他承办单位", w.OtherUnit.Actor, typeof(NotFoundException)),
            ("区县承办单位", county.Unit.Actor, typeof(NotFoundException)),
            ("主持委员", w.Host.Actor, typeof(ForbiddenException)),
            ("公众渠道工作人员", w.Staff.Actor, typeof(ForbiddenException)),
            ("公众", Actor.Public(w.Committee.Id, "127.0.0.1"), typeof(ForbiddenException)),
        };
        foreach (var (who, actor, expected) in unitDenied)
        {
            foreach (var action in UnitActions)
            {
                var thrown = await Should.ThrowAsync<DomainException>(app.AsAsync(actor, sp => UnitAsync(sp, action, forwarded)), $"{who} {action}");
                thrown.GetType().ShouldBe(expected, $"{who} {action}");
            }
        }

        (await w.As(w.OtherUnit, sp => sp.GetRequiredService<StudioForwarded>().ListAsync(false, 1))).Total.ShouldBe(0);
        await w.As(w.Unit, sp => UnitAsync(sp, "查看转交", forwarded));
        await w.As(w.Unit, sp => UnitAsync(sp, "单位答复", forwarded));
        (await w.MessageAsync(forwarded)).Status.ShouldBe(PublicSubmissionStatus.Processing);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_public_channel_staff_of_the_studios_committee_manage_it(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewStudioWorldAsync();
        var county = await app.NewStudioWorldAsync(w.Committee.Id);
        var denied = new (string Who, Actor Actor)[]
        {
            ("主持委员", w.Host.Actor),
            ("无公众渠道权限的工作人员", w.StaffWithoutPublic.Actor),
            ("承办单位", w.Unit.Actor),
            ("公众", Actor.Public(w.Committee.Id, "127.0.0.1")),
            ("未登录", Actor.Anonymous("127.0.0.1")),
        };
        foreach (var (who, actor) in denied)
        {
            foreach (var action in AdminActions)
            {
                await Should.ThrowAsync<ForbiddenException>(app.AsAsync(actor, sp => AdminAsync(sp, action, w)), $"{who} {action}");
            }
        }

        var cityStaff = await app.NewUserAsync(w.Committee, Roles.Staff, [Permissions.Public]);
        foreach (var action in new[] { "修改", "更换地址", "删除" })
        {
            // The city's staff read the county, but manage only their own studios.
            await Should.ThrowAsync<ForbiddenException>(app.AsAsync(cityStaff.Actor, sp => AdminAsync(sp, action, county)), action);
        }

        var studios = await w.As(w.Staff, sp => sp.GetRequiredService<StudioAdmin>().ListAsync(null, 1));
        studios.Items.ShouldHaveSingleItem().Id.ShouldBe(w.StudioId);
    }

    private static async Task HostAsync(IServiceProvider sp, string action, Guid id, Guid unitId)
    {
        var messages = sp.GetRequiredService<StudioMessages>();
        switch (action)
        {
            case "查看来信":
                await messages.GetAsync(id);
                break;
            case "可转交单位":
                await messages.UnitsAsync(id);
                break;
            case "答复":
                await messages.ReplyAsync(id, "已收到，正在协调。", 0);
                break;
            case "转交":
                await messages.ForwardAsync(id, unitId, 0);
                break;
        }
    }

    private static async Task UnitAsync(IServiceProvider sp, string action, Guid id)
    {
        var forwarded = sp.GetRequiredService<StudioForwarded>();
        if (action == "查看转交")
        {
            await forwarded.GetAsync(id);
        }
        else
        {
            await forwarded.AnswerAsync(id, "本单位将于月内处理。", 0);
        }
    }

    private static async Task AdminAsync(IServiceProvider sp, string action, StudioWorld w)
    {
        var admin = sp.GetRequiredService<StudioAdmin>();
        var input = new StudioInput { Name = "新工作室", HostMemberIds = [w.HostMemberId] };
        switch (action)
        {
            case "工作室列表":
                await admin.ListAsync(null, 1);
                break;
            case "新增":
                await admin.CreateAsync(input);
                break;
            case "修改":
                await admin.UpdateAsync(w.StudioId, input);
                break;
            case "更换地址":
                await admin.RenewTokenAsync(w.StudioId, 0);
                break;
            case "删除":
                await admin.DeleteAsync(w.StudioId, 0);
                break;
            case "委员名单":
                await admin.HostOptionsAsync();
                break;
        }
    }
}
