using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Drafting;
using Tongxin.Modules.Proposals.Review;
using Tongxin.Platform.Attachments;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;
using Xunit;

namespace Tongxin.Tests.Proposals.Review;

/// <summary>A proposal's files follow the proposal's readers, not every reader of the committee.</summary>
public class ProposalAttachmentAccessTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Only_those_who_may_read_the_proposal_download_its_files(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReviewWorld.CreateAsync(app);
        var id = await w.SubmittedAsync();
        var fileId = await w.As(w.Member, async sp =>
        {
            using var content = new MemoryStream(Encoding.UTF8.GetBytes("调研数据"));
            return (await sp.GetRequiredService<AttachmentService>().UploadAsync(content, "调研.txt")).Id;
        });
        await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            var file = await ctx.Attachments.SingleAsync(a => a.Id == fileId);
            file.OwnerType = DraftHandler.AttachmentOwner;
            file.OwnerId = id;
            await ctx.SaveChangesAsync();
        });
        async Task<bool> Opens(TestData.TestUser user)
        {
            try
            {
                await w.As(user, async sp => (await sp.GetRequiredService<AttachmentService>().OpenAsync(fileId)).Content.Dispose());
                return true;
            }
            catch (NotFoundException)
            {
                return false;
            }
        }

        (await Opens(w.Member)).ShouldBeTrue();
        (await Opens(w.Staff)).ShouldBeTrue();
        (await Opens(w.Leader)).ShouldBeTrue();
        (await Opens(w.Member2)).ShouldBeFalse("其他委员");
        (await Opens(w.Unit)).ShouldBeFalse("未交办的承办单位");
        (await Opens(w.StaffWithoutPermission)).ShouldBeFalse("无提案权限的工作人员");

        await w.As(w.Staff, sp => sp.GetRequiredService<ProposalReviewHandler>().FileAsync([id]));
        await w.As(w.Staff, sp => sp.GetRequiredService<ProposalAssignmentHandler>().AssignAsync(id, AssignmentMode.Single, [new(w.UnitId, AssignmentRole.Single)]));
        (await Opens(w.Unit)).ShouldBeTrue("交办后的承办单位");
        (await Opens(w.Unit2)).ShouldBeFalse();
    }
}
