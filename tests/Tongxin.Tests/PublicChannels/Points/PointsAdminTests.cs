using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Points;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.PublicChannels.Points;

/// <summary>联络点管理 and the QR poster.</summary>
public class PointsAdminTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_with_the_public_or_opinions_permission_set_up_points_of_their_own_committee(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        var input = new LiaisonPointInput { Name = " 城东社区联络点 ", Kind = LiaisonPointKind.Community, Address = "城东路8号", ResponsibleMemberId = w.Responsible.Actor.MemberId };

        foreach (var manager in new[] { w.PublicStaff, w.OpinionStaff })
        {
            var id = await app.AsAsync(manager.Actor, sp => sp.GetRequiredService<LiaisonPointAdmin>().CreateAsync(input));
            var stored = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().LiaisonPoints.AsNoTracking().SingleAsync(p => p.Id == id));
            stored.Name.ShouldBe("城东社区联络点");
            stored.CommitteeId.ShouldBe(w.Committee.Id);
            stored.Token.Length.ShouldBe(20);
            stored.IsActive.ShouldBeTrue();
        }

        foreach (var outsider in new[] { w.Responsible, w.PlainStaff })
        {
            await app.AsAsync(outsider.Actor, async sp =>
            {
                var admin = sp.GetRequiredService<LiaisonPointAdmin>();
                await Should.ThrowAsync<ForbiddenException>(() => admin.CreateAsync(input));
                await Should.ThrowAsync<ForbiddenException>(() => admin.ListAsync(null, null, 1));
                await Should.ThrowAsync<ForbiddenException>(() => admin.UpdateAsync(w.PointId, input));
            });
        }

        await app.AsAsync(w.OtherCommitteeStaff.Actor, async sp =>
        {
            var admin = sp.GetRequiredService<LiaisonPointAdmin>();
            await Should.ThrowAsync<NotFoundException>(() => admin.UpdateAsync(w.PointId, input));
            await Should.ThrowAsync<NotFoundException>(() => admin.DeleteAsync(w.PointId, 0));
            (await admin.ListAsync(null, null, 1)).Items.ShouldNotContain(p => p.Id == w.PointId);
            // A member of another committee cannot be made responsible.
            var invalid = await Should.ThrowAsync<ValidationFailedException>(() => admin.CreateAsync(input));
            invalid.Errors.ShouldContainKey("Input.ResponsibleMemberId");
        });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_point_needs_exactly_one_responsible_person_and_a_name(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        await app.AsAsync(w.PublicStaff.Actor, async sp =>
        {
            var admin = sp.GetRequiredService<LiaisonPointAdmin>();
            var none = await Should.ThrowAsync<ValidationFailedException>(() => admin.CreateAsync(new LiaisonPointInput { Name = "\u0000" }));
            none.Errors.Keys.ShouldBe(["Input.Name", "Input.ResponsibleMemberId"], ignoreOrder: true);
            var both = await Should.ThrowAsync<ValidationFailedException>(() => admin.CreateAsync(new LiaisonPointInput
            {
                Name = "两个负责人",
                ResponsibleMemberId = w.Responsible.Actor.MemberId,
                ResponsibleUserId = w.PublicStaff.Id,
            }));
            both.Errors.ShouldContainKey("Input.ResponsibleMemberId");
            var member = await Should.ThrowAsync<ValidationFailedException>(() => admin.CreateAsync(new LiaisonPointInput { Name = "委员账号当工作人员", ResponsibleUserId = w.Responsible.Id }));
            member.Errors.ShouldContainKey("Input.ResponsibleUserId");
        });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_point_with_letters_can_only_be_deactivated_and_then_its_form_is_gone(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        using var phone = new WebSession(app);
        await w.SubmitAsync(phone, PointsWorld.Letter());

        using var staff = await WebSession.LoginAsync(app, w.PublicStaff.UserName);
        var delete = await staff.PostFormAsync($"/PublicChannels/Points?handler=Delete&id={w.PointId}", new() { ["version"] = "0" }, "/PublicChannels/Points");
        delete.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await staff.GetPageAsync("/PublicChannels/Points")).ShouldContain("不能删除，请改为停用");

        var edit = await staff.GetPageAsync($"/PublicChannels/Points/Edit/{w.PointId}");
        edit.ShouldContain("测试医院联络点");
        var save = await staff.PostFormAsync($"/PublicChannels/Points/Edit/{w.PointId}", new()
        {
            ["Input.Name"] = "测试医院联络点",
            ["Input.Kind"] = "Hospital",
            ["Input.Purpose"] = "Opinion",
            ["Input.ResponsibleMemberId"] = w.Responsible.Actor.MemberId!.Value.ToString(),
            ["Input.IsActive"] = "false",
            ["Input.Version"] = "0",
        });
        save.StatusCode.ShouldBe(HttpStatusCode.Redirect, await save.Content.ReadAsStringAsync());
        (await phone.GetAsync($"/q/{w.Token}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var empty = await app.AsAsync(w.PublicStaff.Actor, sp => sp.GetRequiredService<LiaisonPointAdmin>().CreateAsync(
            new LiaisonPointInput { Name = "临时联络点", ResponsibleUserId = w.PublicStaff.Id }));
        var gone = await staff.PostFormAsync($"/PublicChannels/Points?handler=Delete&id={empty}", new() { ["version"] = "0" }, "/PublicChannels/Points");
        gone.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().LiaisonPoints.AnyAsync(p => p.Id == empty))).ShouldBeFalse();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_poster_names_the_point_and_the_png_is_the_QR_code_of_its_url(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        using var staff = await WebSession.LoginAsync(app, w.OpinionStaff.UserName);

        var poster = await staff.GetPageAsync($"/PublicChannels/Points/Poster/{w.PointId}");
        poster.ShouldContain("data-testid=\"poster-name\">测试医院联络点<");
        poster.ShouldContain($"http://localhost/q/{w.Token}");
        poster.ShouldContain("data:image/png;base64,");

        var png = await staff.GetAsync($"/PublicChannels/Points/Poster/{w.PointId}?handler=Png");
        png.StatusCode.ShouldBe(HttpStatusCode.OK);
        png.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        var bytes = await png.Content.ReadAsByteArrayAsync();
        bytes.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        bytes.ShouldBe(PointPoster.QrPng($"http://localhost/q/{w.Token}"));

        using var member = await WebSession.LoginAsync(app, w.Responsible.UserName);
        (await member.GetAsync($"/PublicChannels/Points/Poster/{w.PointId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var other = await WebSession.LoginAsync(app, w.OtherCommitteeStaff.UserName);
        (await other.GetAsync($"/PublicChannels/Points/Poster/{w.PointId}?handler=Png")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
