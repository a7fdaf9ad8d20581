using System.Net;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.PublicChannels.Points;

/// <summary>The time and rate rules, on an app of their own (its clock moves; the limits are low).</summary>
public class AbuseLimitTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Too_fast_forms_too_many_submissions_and_hammered_codes_are_refused(Db db)
    {
        await using var app = await TestApp.CreateIsolatedAsync(db, settings: new Dictionary<string, string?>
        {
            ["Tongxin:Public:MinFillSeconds"] = "3",
            ["Tongxin:Public:SubmitPerMinute"] = "2",
            ["Tongxin:Public:CodeLookupsPerMinute"] = "2",
        });
        var w = await PointsWorld.CreateAsync(app);
        using var phone = new WebSession(app);

        // A bot posting the moment the page arrives.
        var (fast, fastBody, stamp) = await w.SubmitAsync(phone, PointsWorld.Letter());
        fast.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        fastBody.ShouldContain(PublicFormStamps.TooFast);
        (await w.LettersAsync()).ShouldBeEmpty();

        // A person takes a few seconds; the same stamp is accepted then.
        app.Clock.Advance(TimeSpan.FromSeconds(3));
        var (ok, okBody, _) = await w.SubmitAsync(phone, PointsWorld.Letter(), stamp: stamp);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, okBody);
        var code = PointsWorld.ReceiptCodeIn(okBody);

        // Two posts per minute are allowed (the refused one counted); reading the form is free.
        (await phone.GetAsync($"/q/{w.Token}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (limited, limitedBody, _) = await w.SubmitAsync(phone, PointsWorld.Letter(title: "第三封"));
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        limitedBody.ShouldContain(PublicRateLimits.Message);
        (await w.LettersAsync()).Count.ShouldBe(1);

        // One receipt code: two look-ups a minute, from any address.
        (await phone.GetAsync($"/q/receipt?code={code}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await phone.GetAsync($"/api/v1/public/receipts/{code}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await phone.GetAsync($"/q/receipt?code={code}");
        page.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await page.Content.ReadAsStringAsync()).ShouldContain("该回执码查询过于频繁");
        var api = await phone.GetAsync($"/api/v1/public/receipts/{code}");
        api.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Lookups_per_address_are_limited_with_a_Chinese_page_and_problem_json(Db db)
    {
        await using var app = await TestApp.CreateIsolatedAsync(db, settings: new Dictionary<string, string?>
        {
            ["Tongxin:Public:LookupPerMinute"] = "2",
        });
        using var phone = new WebSession(app);

        (await phone.GetAsync("/q/receipt")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await phone.GetAsync("/q/receipt?code=ABCDEFGHJK")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await phone.GetAsync("/q/receipt");
        page.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await page.Content.ReadAsStringAsync()).ShouldContain("操作过于频繁");
        var api = await phone.GetAsync("/api/v1/public/receipts/ABCDEFGHJK");
        api.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await api.Content.ReadAsStringAsync()).ShouldContain("操作过于频繁");
    }
}
