using Tongxin.Modules.Proposals.Documents;

namespace Tongxin.Tests.Proposals.Documents;

public class GbtLayoutTests
{
    [Theory]
    [InlineData("第九届", "九届二次会议", "九届二次会议")]
    [InlineData("第九届", "第二次会议", "九届二次会议")]
    [InlineData("第十四届", "一次会议", "十四届一次会议")]
    public void The_session_title_names_the_term_even_when_the_session_name_does_not(string term, string session, string expected) =>
        GbtLayout.SessionTitle(term, session).ShouldBe(expected);

    [Fact]
    public void Text_that_xml_cannot_carry_is_dropped_and_everything_else_kept()
    {
        GbtLayout.Clean("停车\u0001难\u001F问题").ShouldBe("停车难问题");
        GbtLayout.Clean("欧阳𠀤（一老一小）\t").ShouldBe("欧阳𠀤（一老一小）\t");
        GbtLayout.Clean("断开的代理项\uD800字").ShouldBe("断开的代理项字");
    }

    [Fact]
    public void A_date_is_written_in_arabic_numerals_without_leading_zeros() =>
        GbtLayout.Date(new DateOnly(2026, 3, 2)).ShouldBe("2026年3月2日");
}
