using System.Globalization;
using System.Text;
using CorpusQA.Reports.Html;

namespace CorpusQA.Reports.Charts;

/// <summary>
/// A small SVG writer for the report's three chart kinds (histogram with thresholds, horizontal bars, overlaid
/// distributions). Text is SVG &lt;text&gt;, drawn by the browser in its own fonts, so Chinese labels render without a
/// bundled CJK font; every chart has a title, axis labels and a &lt;title&gt; for screen readers; nothing is told by
/// colour alone (removed bins are hatched, series differ by dash pattern and marker shape). Why not ScottPlot:
/// docs/report.md.
/// </summary>
internal sealed class Svg
{
    private readonly StringBuilder _b = new();

    public Svg(int width, int height, string title)
    {
        Width = width;
        Height = height;
        _b.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\">");
        _b.Append("<title>").Append(SafeText.Html(title)).Append("</title>");
        Text(width / 2.0, 14, title, "middle", "ct");
    }

    public int Width { get; }

    public int Height { get; }

    public static string F(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public Svg Text(double x, double y, string text, string anchor = "start", string cls = "", double rotate = 0)
    {
        _b.Append("<text x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append("\" text-anchor=\"").Append(anchor).Append('"');
        if (cls.Length > 0) _b.Append(" class=\"").Append(cls).Append('"');
        if (rotate != 0) _b.Append(" transform=\"rotate(").Append(F(rotate)).Append(' ').Append(F(x)).Append(' ').Append(F(y)).Append(")\"");
        _b.Append('>').Append(SafeText.Html(text)).Append("</text>");
        return this;
    }

    public Svg Rect(double x, double y, double w, double h, string cls, string? tooltip = null)
    {
        _b.Append("<rect x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append("\" width=\"").Append(F(Math.Max(w, 0)))
            .Append("\" height=\"").Append(F(Math.Max(h, 0))).Append("\" class=\"").Append(cls).Append('"');
        if (tooltip is null) _b.Append("/>");
        else _b.Append("><title>").Append(SafeText.Html(tooltip)).Append("</title></rect>");
        return this;
    }

    public Svg Line(double x1, double y1, double x2, double y2, string cls)
    {
        _b.Append("<line x1=\"").Append(F(x1)).Append("\" y1=\"").Append(F(y1)).Append("\" x2=\"").Append(F(x2)).Append("\" y2=\"")
            .Append(F(y2)).Append("\" class=\"").Append(cls).Append("\"/>");
        return this;
    }

    public Svg Path(string d, string cls)
    {
        _b.Append("<path d=\"").Append(d).Append("\" class=\"").Append(cls).Append("\"/>");
        return this;
    }

    public Svg Raw(string svg)
    {
        _b.Append(svg);
        return this;
    }

    public override string ToString() => _b.ToString() + "</svg>";

    /// <summary>About <paramref name="count"/> round tick values covering [lo, hi].</summary>
    public static double[] Ticks(double lo, double hi, int count = 5)
    {
        if (!(hi > lo)) return [lo];
        double raw = (hi - lo) / count;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        var ticks = new List<double>();
        for (double t = Math.Ceiling(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        return [.. ticks];
    }

    /// <summary>A tick label: short, with k/M for large values.</summary>
    public static string TickLabel(double v)
    {
        double a = Math.Abs(v);
        if (a >= 1e6) return (v / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M";
        if (a >= 1e4) return (v / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k";
        return v.ToString(a >= 10 || a == 0 ? "0.#" : "0.###", CultureInfo.InvariantCulture);
    }
}
