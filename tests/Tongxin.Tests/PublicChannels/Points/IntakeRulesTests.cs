using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.PublicChannels.Points;

/// <summary>The intake rules that need no database: text cleaning, phones, receipt codes, the form stamp.</summary>
public class IntakeRulesTests
{
    [Fact]
    public void Control_characters_and_direction_overrides_are_removed_emoji_and_line_breaks_stay()
    {
        PublicText.Line("  路灯\u0000坏了\u202E了\t！ ").ShouldBe("路灯坏了 ！");
        PublicText.Block("第一行\r\n第二行\u0007\n\n\n\n第三行👍🏽").ShouldBe("第一行\n第二行\n\n第三行👍🏽");
        PublicText.Line("家庭👨‍👩‍👧").ShouldBe("家庭👨‍👩‍👧");
        PublicText.Line("半个\uD83D字").ShouldBe("半个字");
        PublicText.Length("👨‍👩‍👧好").ShouldBe(2);
    }

    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("+86 138-1234-5678", "13812345678")]
    [InlineData("１３８１２３４５６７８", "13812345678")]
    [InlineData("0571-87654321", "0571-87654321")]
    [InlineData("(010)62345678", "010-62345678")]
    [InlineData("075512345678", "0755-12345678")]
    public void Mainland_mobiles_and_landlines_are_accepted_and_normalised(string input, string stored)
    {
        PublicPhone.Normalize(input, out var ok).ShouldBe(stored);
        ok.ShouldBeTrue();
    }

    [Theory]
    [InlineData("12812345678")]
    [InlineData("1381234567")]
    [InlineData("138123456789")]
    [InlineData("abc")]
    [InlineData("<script>")]
    [InlineData("0571-1234")]
    [InlineData("110")]
    public void Anything_else_is_not_a_phone(string input)
    {
        PublicPhone.Normalize(input, out var ok).ShouldBeNull();
        ok.ShouldBeFalse();
    }

    [Fact]
    public void No_phone_is_fine_and_phones_are_masked()
    {
        PublicPhone.Normalize("  ", out var ok).ShouldBeNull();
        ok.ShouldBeTrue();
        PublicPhone.Mask("13812345678").ShouldBe("138****5678");
        PublicPhone.Mask("0571-87654321").ShouldBe("0571-****4321");
        PublicPhone.Mask(null).ShouldBe("");
    }

    [Fact]
    public void Receipt_codes_avoid_look_alikes_and_are_read_back_in_any_case()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => ReceiptCodes.NewCode()).ToList();
        codes.Distinct().Count().ShouldBe(codes.Count);
        codes.ShouldAllBe(c => c.Length == ReceiptCodes.Length && !c.Any(ch => "01OIL".Contains(ch)));
        var code = codes[0];
        ReceiptCodes.Normalize(ReceiptCodes.Display(code).ToLowerInvariant()).ShouldBe(code);
        ReceiptCodes.Normalize($" {code[..5]} {code[5..]} ").ShouldBe(code);
        ReceiptCodes.Normalize("ABC").ShouldBeNull();
        ReceiptCodes.Normalize("O0O0O0O0O0").ShouldBeNull();
        ReceiptCodes.Normalize("'; drop table x;--").ShouldBeNull();
    }

    [Fact]
    public void A_form_stamp_is_refused_when_too_fast_tampered_for_another_form_stale_or_with_the_honeypot_filled()
    {
        var clock = new FakeTimeProvider(TestApp.DefaultNow);
        var stamps = new PublicFormStamps(new EphemeralDataProtectionProvider(), clock, Options.Create(new PublicIntakeOptions { MinFillSeconds = 3, MaxFormAgeHours = 24 }));
        var stamp = stamps.Issue("point:abc");

        Refusal(() => stamps.Verify("point:abc", stamp, null)).ShouldBe(PublicFormStamps.TooFast);
        clock.Advance(TimeSpan.FromSeconds(3));
        var ticket = stamps.Verify("point:abc", stamp, null);
        ticket.IssuedAt.ShouldBe(TestApp.DefaultNow.UtcDateTime);
        ticket.IdempotencyKey.Length.ShouldBe(32);
        stamps.Verify("point:abc", stamp, "").IdempotencyKey.ShouldBe(ticket.IdempotencyKey);

        Refusal(() => stamps.Verify("point:abc", stamp, "http://spam")).ShouldBe(PublicFormStamps.Refused);
        Refusal(() => stamps.Verify("point:other", stamp, null)).ShouldBe(PublicFormStamps.Refused);
        Refusal(() => stamps.Verify("point:abc", stamp[..^2] + "xx", null)).ShouldBe(PublicFormStamps.Refused);
        Refusal(() => stamps.Verify("point:abc", "not-base64!", null)).ShouldBe(PublicFormStamps.Refused);
        Refusal(() => stamps.Verify("point:abc", null, null)).ShouldBe(PublicFormStamps.Refused);
        stamps.Issue("point:abc").ShouldNotBe(stamp);

        clock.Advance(TimeSpan.FromHours(25));
        Refusal(() => stamps.Verify("point:abc", stamp, null)).ShouldBe(PublicFormStamps.Expired);
    }

    [Fact]
    public void The_client_hash_is_keyed_stable_and_not_the_address()
    {
        var a = new ClientHasher(Options.Create(new PublicIntakeOptions { ClientHashKey = "k1" }));
        var b = new ClientHasher(Options.Create(new PublicIntakeOptions { ClientHashKey = "k2" }));
        a.Hash("203.0.113.7").ShouldBe(a.Hash("203.0.113.7"));
        a.Hash("203.0.113.7").ShouldNotBe(a.Hash("203.0.113.8"));
        a.Hash("203.0.113.7").ShouldNotBe(b.Hash("203.0.113.7"));
        a.Hash("203.0.113.7").Length.ShouldBe(64);
    }

    private static string Refusal(Action verify) => Should.Throw<ValidationFailedException>(verify).Message;
}
