using CorpusQA.Core.Documents;
using static CorpusQA.Core.Signals.SignalSources;

namespace CorpusQA.Core.Signals;

internal sealed class ResidentIdCount() : QualitySignal("pii_resident_id_count", SignalFamily.Pii,
    "Mainland resident ID numbers: 18 characters, valid province code and birth date, GB 11643 check character.",
    Own + "; GB 11643-1999")
{
    public override double Compute(DocView doc) => doc.Pii.Counts.ResidentIds;
}

internal sealed class MobileCount() : QualitySignal("pii_mobile_count", SignalFamily.Pii,
    "Mainland mobile numbers 1[3-9]x (11 digits, optional +86, optional 3-4-4 grouping).", Own)
{
    public override double Compute(DocView doc) => doc.Pii.Counts.Mobiles;
}

internal sealed class BankCardCount() : QualitySignal("pii_bank_card_count", SignalFamily.Pii,
    "Bank card numbers: 13–19 digits starting 3–6 (optionally in groups of 4) passing the Luhn check.", Own)
{
    public override double Compute(DocView doc) => doc.Pii.Counts.BankCards;
}

internal sealed class EmailCount() : QualitySignal("pii_email_count", SignalFamily.Pii,
    "E-mail addresses (local@domain.tld).", DataJuicer + " clean_email (counted, not removed)")
{
    public override double Compute(DocView doc) => doc.Pii.Counts.Emails;
}

internal sealed class UrlCount() : QualitySignal("pii_url_count", SignalFamily.Pii,
    "URLs starting http://, https://, ftp:// or www.", DataJuicer + " clean_links (counted, not removed)")
{
    public override double Compute(DocView doc) => doc.Pii.Counts.Urls;
}

internal sealed class IPv4Count() : QualitySignal("pii_ipv4_count", SignalFamily.Pii,
    "Dotted IPv4 addresses (four octets 0–255, not part of a longer dotted number).", DataJuicer + " clean_ip")
{
    public override double Compute(DocView doc) => doc.Pii.Counts.IPv4s;
}

internal sealed class IPv6Count() : QualitySignal("pii_ipv6_count", SignalFamily.Pii,
    "IPv6 addresses: eight hex groups, or three to seven around a single \"::\".", Own)
{
    public override double Compute(DocView doc) => doc.Pii.Counts.IPv6s;
}

internal sealed class QqNumberCount() : QualitySignal("pii_qq_count", SignalFamily.Pii,
    "QQ numbers (5–11 digits) introduced by QQ / qq号 / 扣扣.", Own)
{
    public override double Compute(DocView doc) => doc.Pii.Counts.QqNumbers;
}

internal sealed class WeChatIdCount() : QualitySignal("pii_wechat_count", SignalFamily.Pii,
    "WeChat ids (a letter + 5–19 of [A-Za-z0-9_-], or a mobile number) introduced by 微信 / VX / wx / weixin.", Own)
{
    public override double Compute(DocView doc) => doc.Pii.Counts.WeChatIds;
}
