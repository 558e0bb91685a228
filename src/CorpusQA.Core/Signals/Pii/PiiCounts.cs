namespace CorpusQA.Core.Signals.Pii;

/// <summary>Counts of personal data found in one document.</summary>
internal struct PiiCounts
{
    public int ResidentIds;
    public int Mobiles;
    public int BankCards;
    public int Emails;
    public int Urls;
    public int IPv4s;
    public int IPv6s;
    public int QqNumbers;
    public int WeChatIds;
}
