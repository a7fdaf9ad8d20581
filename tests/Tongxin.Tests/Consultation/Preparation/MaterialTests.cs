using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Preparation;
using Tongxin.Platform.Attachments;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Preparation;

public class MaterialTests
{
    /// <summary>A small PDF whose bytes are this test's own (the store keeps each content once).</summary>
    internal static byte[] Pdf() => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid()}\n%%EOF\n");

    internal static Task<Guid> UploadAsync(PreparationWorld w, TestData.TestUser user, Guid activityId, string title = "会议议程", string fileName = "议程.pdf", byte[]? bytes = null) =>
        w.AsAsync(user, sp => sp.GetRequiredService<PreparationHandler>().UploadMaterialAsync(activityId, title, new MemoryStream(bytes ?? Pdf()), fileName));

    private static async Task<bool> MayDownloadAsync(PreparationWorld w, TestData.TestUser user, Guid attachmentId)
    {
        try
        {
            await w.AsAsync(user, async sp => (await sp.GetRequiredService<AttachmentService>().OpenAsync(attachmentId)).Content.Dispose());
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Sending_the_materials_tells_every_participant_who_may_then_download_them(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewPreparationWorldAsync();
        var activityId = await w.NewActivityAsync();

        var materialId = await UploadAsync(w, w.Staff, activityId, "会议议程");
        await UploadAsync(w, w.Staff, activityId, "", "调研报告（征求意见稿）.pdf");
        var materials = await w.ReadAsync(d => d.ActivityMaterials.AsNoTracking().Where(m => m.ActivityId == activityId).OrderBy(m => m.AddedAt).ThenBy(m => m.Id).ToListAsync());
        materials.Select(m => m.Title).ShouldBe(["会议议程", "调研报告（征求意见稿）"]);
        var attachment = await w.ReadAsync(d => d.Attachments.AsNoTracking().SingleAsync(a => a.Id == materials[0].AttachmentId));
        attachment.OwnerType.ShouldBe(MaterialAttachmentAccess.Owner);
        attachment.OwnerId.ShouldBe(activityId);
        attachment.ContentType.ShouldBe("application/pdf");

        // Before sending, only staff have the files.
        (await MayDownloadAsync(w, w.Participant, attachment.Id)).ShouldBeFalse();
        (await w.AsAsync(w.Participant, sp => sp.GetRequiredService<PreparationQuery>().GetAsync(activityId))).MaterialsVisible.ShouldBeFalse();

        var told = await w.AsAsync(w.Staff, sp => sp.GetRequiredService<PreparationHandler>().SendMaterialsAsync(activityId));

        told.ShouldBe(2);
        (await w.ActivityAsync(activityId)).MaterialsSentAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime);
        (await w.InboxAsync(w.Participant)).ShouldBe(["会议材料：关于老旧小区改造的专题协商"]);
        (await w.InboxAsync(w.Participant2)).ShouldBe(["会议材料：关于老旧小区改造的专题协商"]);
        (await w.InboxAsync(w.Declined)).ShouldBeEmpty();
        (await w.InboxAsync(w.Outsider)).ShouldBeEmpty();
        var link = await w.ReadAsync(d => d.Notifications.AsNoTracking().Where(n => n.UserId == w.Participant.Id).Select(n => n.Link).SingleAsync());
        link.ShouldBe(PreparationLinks.Overview(activityId));

        (await MayDownloadAsync(w, w.Participant, attachment.Id)).ShouldBeTrue();
        (await MayDownloadAsync(w, w.Leader, attachment.Id)).ShouldBeTrue();
        (await MayDownloadAsync(w, w.Outsider, attachment.Id)).ShouldBeFalse();
        (await MayDownloadAsync(w, w.Declined, attachment.Id)).ShouldBeFalse();
        (await MayDownloadAsync(w, w.Unit, attachment.Id)).ShouldBeFalse();
        var view = await w.AsAsync(w.Participant, sp => sp.GetRequiredService<PreparationQuery>().GetAsync(activityId));
        view.Materials.Select(m => m.Title).ShouldBe(["会议议程", "调研报告（征求意见稿）"]);

        // Sending again after a change tells them again, as an update.
        await w.AsAsync(w.Staff, sp => sp.GetRequiredService<PreparationHandler>().RemoveMaterialAsync(activityId, materialId));
        (await w.ReadAsync(d => d.Attachments.AnyAsync(a => a.Id == attachment.Id))).ShouldBeFalse();
        await w.AsAsync(w.Staff, sp => sp.GetRequiredService<PreparationHandler>().SendMaterialsAsync(activityId));
        // Both notices carry the same instant of the test clock, so their order is not asserted.
        (await w.InboxAsync(w.Participant)).ShouldBe(["会议材料：关于老旧小区改造的专题协商", "会议材料已更新：关于老旧小区改造的专题协商"], ignoreOrder: true);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Materials_of_a_draft_or_none_at_all_cannot_be_sent_and_bad_files_are_refused(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewPreparationWorldAsync();
        var published = await w.NewActivityAsync();
        var draft = await w.NewActivityAsync(ActivityStatus.Draft);

        var empty = await Should.ThrowAsync<ConflictException>(() =>
            w.AsAsync(w.Staff, sp => sp.GetRequiredService<PreparationHandler>().SendMaterialsAsync(published)));
        empty.Message.ShouldBe("还没有上传会议材料，请先上传再发送。");

        await UploadAsync(w, w.Staff, draft);
        var notPublished = await Should.ThrowAsync<ConflictException>(() =>
            w.AsAsync(w.Staff, sp => sp.GetRequiredService<PreparationHandler>().SendMaterialsAsync(draft)));
        notPublished.Message.ShouldBe("只能向已发布活动的参加人员发送会议材料。");
        (await w.ActivityAsync(draft)).MaterialsSentAt.ShouldBeNull();

        var script = await Should.ThrowAsync<ValidationFailedException>(() =>
            UploadAsync(w, w.Staff, published, "脚本", "议程.pdf", Encoding.ASCII.GetBytes("#!/bin/sh\nrm -rf /\n")));
        script.Errors["file"].ShouldBe([FileSniffer.ExecutableMessage]);
        var longTitle = await Should.ThrowAsync<ValidationFailedException>(() => UploadAsync(w, w.Staff, published, new string('材', 201)));
        longTitle.Errors["Title"].ShouldBe(["材料名称不能超过200个字符。"]);
        (await w.ReadAsync(d => d.ActivityMaterials.AnyAsync(m => m.ActivityId == published))).ShouldBeFalse();
    }
}
