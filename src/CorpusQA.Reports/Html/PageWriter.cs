using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace CorpusQA.Reports.Html;

/// <summary>
/// The page shell shared by the report and the comparison: the CSS and the one script inline, a Content-Security-Policy
/// that allows only that script (by its SHA-256) and inline styles, so the page loads nothing from anywhere.
/// </summary>
internal sealed class PageWriter
{
    private readonly StringBuilder _body = new();

    public static string Css { get; } = Asset("report.css");

    public static string Script { get; } = Asset("report.js");

    /// <summary>The CSP hash source of <see cref="Script"/>.</summary>
    public static string ScriptHash { get; } = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Script)));

    public static string Policy { get; } =
        $"default-src 'none'; script-src '{ScriptHash}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    public PageWriter Append(string html)
    {
        _body.Append(html);
        return this;
    }

    public PageWriter Line(string html)
    {
        _body.Append(html).Append('\n');
        return this;
    }

    /// <summary>Escaped text.</summary>
    public PageWriter Text(string? text)
    {
        _body.Append(SafeText.Html(text));
        return this;
    }

    public string Render(string title, string? json)
    {
        var page = new StringBuilder(_body.Length + Css.Length + Script.Length + (json?.Length ?? 0) + 1024);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(Policy).Append("\">\n");
        page.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        page.Append("<meta name=\"referrer\" content=\"no-referrer\">\n");
        page.Append("<title>").Append(SafeText.Html(title)).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n");
        page.Append(Charts.Charts.Defs).Append('\n');
        page.Append(_body);
        if (json is not null) page.Append("<script type=\"application/json\" id=\"whatif-data\">").Append(json).Append("</script>\n");
        page.Append("<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static string Asset(string name)
    {
        using var stream = typeof(PageWriter).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded asset {name} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}

/// <summary>HTML tables, sortable by a click on a header (report.js).</summary>
internal static class HtmlTable
{
    /// <summary>A cell: escaped text, right-aligned and sorted by its SortValue when it has one.</summary>
    public readonly record struct Cell(string Html, double? SortValue = null)
    {
        public static implicit operator Cell(string text) => new(SafeText.Html(text));

        public static Cell Num(double sortValue, string text) => new(SafeText.Html(text), sortValue);

        public static Cell Raw(string html) => new(html);
    }

    public static string Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<Cell>> rows, string cls = "sortable", string? id = null, string? caption = null)
    {
        var b = new StringBuilder();
        b.Append("<table class=\"").Append(cls).Append('"');
        if (id is not null) b.Append(" id=\"").Append(id).Append('"');
        b.Append('>');
        if (caption is not null) b.Append("<caption class=\"small muted\">").Append(SafeText.Html(caption)).Append("</caption>");
        b.Append("<thead><tr>");
        foreach (var h in headers) b.Append("<th scope=\"col\">").Append(SafeText.Html(h)).Append("</th>");
        b.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            b.Append("<tr>");
            foreach (var cell in row)
            {
                if (cell.SortValue is { } v)
                    b.Append("<td class=\"n\" data-v=\"").Append(double.IsFinite(v) ? SafeText.Number(v) : "0").Append("\">");
                else b.Append("<td>");
                b.Append(cell.Html).Append("</td>");
            }
            b.Append("</tr>");
        }
        b.Append("</tbody></table>\n");
        return b.ToString();
    }
}
