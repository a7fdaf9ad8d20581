using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Online;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Online;

/// <summary>Who may do what with a 网络议政: role × action × own or other committee.</summary>
public class DiscussionAccessTests
{
    public enum Who { Staff, Member, Leader, Unit, OtherMember, OtherStaff }

    private static TestData.TestUser User(OnlineWorld w, Who who) => who switch
    {
        Who.Staff => w.Staff,
        Who.Member => w.Member,
        Who.Leader => w.Leader,
        Who.Unit => w.Unit,
        Who.OtherMember => w.OtherMember,
        _ => w.OtherStaff,
    };

    /// <summary>Db, who, may read, may comment, may moderate; the failure of a refused read.</summary>
    public static TheoryData<Db, Who, bool, bool, bool> Matrix()
    {
        var data = new TheoryData<Db, Who, bool, bool, bool>();
        foreach (var db in new Databases())
        {
            data.Add(db, Who.Staff, true, true, true);
            data.Add(db, Who.Member, true, true, false);
            data.Add(db, Who.Leader, true, true, false);
            data.Add(db, Who.Unit, false, false, false);
            data.Add(db, Who.OtherMember, false, false, false);
            data.Add(db, Who.OtherStaff, false, false, false);
        }

        return data;
    }

    [Theory, MemberData(nameof(Matrix))]
    public async Task Read_comment_and_moderate_follow_role_and_committee(Db db, Who who, bool read, bool comment, bool moderate)
    {
        var w = await (await TestApp.SharedAsync(db)).NewOnlineWorldAsync();
        var target = await w.PostAsync(w.Member, "供审核的评论");
        var user = User(w, who);

        async Task<bool> Allowed(Func<IServiceProvider, Task> action)
        {
            try
            {
                await w.App.AsAsync(user.Actor, action);
                return true;
            }
            catch (Exception e) when (e is ForbiddenException or NotFoundException)
            {
                return false;
            }
        }

        (await Allowed(sp => sp.GetRequiredService<DiscussionAccess>().LoadForReaderAsync(w.DiscussionId))).ShouldBe(read, "read");
        (await Allowed(async sp =>
        {
            var access = sp.GetRequiredService<DiscussionAccess>();
            await sp.GetRequiredService<DiscussionComments>().PostAsync(await access.LoadForWriterAsync(w.DiscussionId), access.SignedIn(), null, "我的意见", null);
        })).ShouldBe(comment, "comment");
        (await Allowed(sp => sp.GetRequiredService<CommentModeration>().HideAsync(target.Id))).ShouldBe(moderate, "hide");
        (await Allowed(sp => sp.GetRequiredService<DiscussionAdmin>().SetStatusAsync(w.DiscussionId, DiscussionStatus.Live))).ShouldBe(moderate, "status");
        (await w.DiscussionAsync()).Status.ShouldBe(moderate ? DiscussionStatus.Live : DiscussionStatus.Open);
        (await w.CommentAsync(target.Id)).Status.ShouldBe(moderate ? CommentStatus.Hidden : CommentStatus.Visible);
        (await w.CommentsAsync()).Count.ShouldBe(comment ? 2 : 1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_consultation_staff_of_the_activity_committee_open_its_discussion_once(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewOnlineWorldAsync();
        var topic = (await w.DiscussionAsync()).TopicId!.Value;
        var input = new DiscussionInput("第二个议政", "", true);
        await Should.ThrowAsync<ForbiddenException>(() => w.App.AsAsync(w.Member.Actor, sp => sp.GetRequiredService<DiscussionAdmin>().OpenAsync(null, topic, input)));
        await Should.ThrowAsync<NotFoundException>(() => w.App.AsAsync(w.OtherStaff.Actor, sp => sp.GetRequiredService<DiscussionAdmin>().OpenAsync(null, topic, input)));
        var bad = await Should.ThrowAsync<ValidationFailedException>(() => w.App.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<DiscussionAdmin>().OpenAsync(null, topic, new DiscussionInput(" ", "", false))));
        bad.Errors["Title"].ShouldBe(["标题不能为空。"]);

        var id = await w.App.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<DiscussionAdmin>().OpenAsync(null, topic, input));
        var d = await w.ReadAsync(x => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(x.Discussions, y => y.Id == id));
        (d.CommitteeId, d.Title, d.PublicParticipation, d.Status).ShouldBe((w.Committee.Id, "第二个议政", true, DiscussionStatus.Open));
        d.Token.Length.ShouldBe(DiscussionAdmin.TokenLength);
        d.Token.ShouldNotBe((await w.DiscussionAsync()).Token);
    }
}
