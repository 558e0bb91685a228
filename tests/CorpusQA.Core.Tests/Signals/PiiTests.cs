using CorpusQA.Core.Signals.Pii;
using CorpusQA.Core.Tests.Documents;

namespace CorpusQA.Core.Tests.Signals;

public class PiiTests
{
    private static double Pii(string text, string signal) =>
        TestAnalyzers.Signals(TestAnalyzers.CharacterTokens(), text)["pii_" + signal];

    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("11010519491231002x", true)]
    [InlineData("320106198511110012", true)]
    [InlineData("110105194912310021", false)] // wrong check character
    [InlineData("99010519491231002X", false)] // no such province
    [InlineData("110105194902300020", false)] // 30 February
    [InlineData("1101051949123100", false)]   // too short
    public void Resident_id_check(string id, bool valid) => Assert.Equal(valid, NumberChecks.IsResidentId(id));

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("6222021234567890128", true)]
    [InlineData("6222021234567890127", false)]
    [InlineData("79927398713", true)]
    public void Luhn_check(string digits, bool valid) => Assert.Equal(valid, NumberChecks.PassesLuhn(digits));

    [Theory]
    [InlineData("身份证号11010519491231002X，请核对", 1)]
    [InlineData("身份证 110105 19491231 002X", 1)]
    [InlineData("编号110105194912310021", 0)]
    [InlineData("a11010519491231002X", 0)] // glued to a word
    public void Resident_ids_in_text(string text, int expected) => Assert.Equal(expected, Pii(text, "resident_id_count"));

    [Theory]
    [InlineData("电话13812345678或+86 139-1234-5678", 2)]
    [InlineData("联系：138 1234 5678。", 1)]
    [InlineData("+8613812345678", 1)]
    [InlineData("12812345678 与 1381234567 与 138123456789", 0)]
    [InlineData("订单号2013812345678", 0)]
    [InlineData("2019-2023 13812345678 1234", 1)] // neighbouring numbers are not glued into one
    [InlineData("电话010-12345678", 0)]           // a landline
    public void Mobile_numbers(string text, int expected) => Assert.Equal(expected, Pii(text, "mobile_count"));

    [Theory]
    [InlineData("卡号6222021234567890128", 1)]
    [InlineData("卡号 6222 0212 3456 7890 128 ", 1)]
    [InlineData("卡号6222021234567890127", 0)]
    [InlineData("流水号 1234567890123456", 0)] // network prefix 1 does not exist
    public void Bank_cards(string text, int expected) => Assert.Equal(expected, Pii(text, "bank_card_count"));

    [Theory]
    [InlineData("请发邮件到 zhang.san+qa@mail.example.com.cn 或 li@163.com。", 2)]
    [InlineData("写信给张三@公司 或 a@b 或 x@y.1", 0)]
    public void Emails(string text, int expected) => Assert.Equal(expected, Pii(text, "email_count"));

    [Theory]
    [InlineData("访问https://www.gnu.org/licenses/gpl.html和http://a.cn", 2)]
    [InlineData("见 www.example.com 首页", 1)]
    [InlineData("协议http:// 与 awww.x", 0)]
    public void Urls(string text, int expected) => Assert.Equal(expected, Pii(text, "url_count"));

    [Theory]
    [InlineData("服务器 192.168.1.10 和 8.8.8.8", 2)]
    [InlineData("版本 1.2.3.4.5 与 256.1.1.1 与 01.2.3.4", 0)]
    public void IPv4_addresses(string text, int expected) => Assert.Equal(expected, Pii(text, "ipv4_count"));

    [Theory]
    [InlineData("地址 2001:0db8:85a3:0000:0000:8a2e:0370:7334 与 fe80::1:2:3", 2)]
    [InlineData("std::vector 与 a::b 与 12:30:45 与 1::2::3:4 与 fe80::1:2:3x", 0)]
    public void IPv6_addresses(string text, int expected) => Assert.Equal(expected, Pii(text, "ipv6_count"));

    [Theory]
    [InlineData("加QQ：123456789 领取", "qq_count", 1)]
    [InlineData("qq号 987654 或扣扣55667788", "qq_count", 2)]
    [InlineData("编号123456789", "qq_count", 0)]
    [InlineData("加微信：abc_12345 或 VX: hello888", "wechat_count", 2)]
    [InlineData("微信13812345678", "wechat_count", 1)]
    [InlineData("用wxWidgets编写", "wechat_count", 0)]
    public void Im_handles_need_a_keyword(string text, string signal, int expected) =>
        Assert.Equal(expected, Pii(text, signal));
}
