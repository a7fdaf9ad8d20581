using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;

namespace Tongxin.Platform.Notifications;

/// <summary>An email to one recipient.</summary>
public sealed record EmailMessage(string To, string Subject, string Body);

/// <summary>Sends email. The only implementation speaks SMTP (<see cref="SmtpEmailSender"/>).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}

/// <summary>Sends through the SMTP server in <see cref="TongxinOptions.Smtp"/>, UTF-8 throughout so
/// Chinese subjects and bodies arrive intact.</summary>
public sealed class SmtpEmailSender(IOptions<TongxinOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new InvalidOperationException("未配置 SMTP 服务器（Tongxin:Smtp:Host）。");
        }

        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = 30_000,
        };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        var from = string.IsNullOrWhiteSpace(smtp.From) ? $"tongxin@{smtp.Host}" : smtp.From;
        using var mail = new MailMessage(new MailAddress(from, "同心·数字政协", Encoding.UTF8), new MailAddress(message.To))
        {
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = message.Body,
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        await client.SendMailAsync(mail, ct);
    }
}

/// <summary>Emails a new notification to its user after commit; users without an email address
/// keep it in the inbox only.</summary>
public sealed class NotificationEmailHandler(TongxinDbContext db, UserManager<AppUser> users, IEmailSender email, IOptions<TongxinOptions> options)
    : IEventHandler<NotificationCreated>
{
    public async Task HandleAsync(NotificationCreated e, EventContext ctx, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Smtp.Host))
        {
            return;
        }

        var notification = await db.Notifications.AsNoTracking().SingleOrDefaultAsync(n => n.Id == e.NotificationId, ct);
        var user = await users.FindByIdAsync(e.UserId.ToString());
        if (notification is null || user is null || user.IsDisabled || string.IsNullOrWhiteSpace(user.Email) || !MailAddress.TryCreate(user.Email, out _))
        {
            return;
        }

        var body = notification.Link is null
            ? notification.Body
            : $"{notification.Body}\r\n\r\n请登录同心平台查看：{notification.Link}";
        await email.SendAsync(new EmailMessage(user.Email, notification.Title, body), ct);
    }
}
