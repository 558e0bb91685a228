using System.Globalization;
using System.Text;
using CorpusQA.Core.Rules;
using CorpusQA.Reports.Data;
using CorpusQA.Reports.Html;

namespace CorpusQA.Reports.Charts;

/// <summary>The report's charts, each a self-contained inline SVG string.</summary>
internal static class Charts
{
    private const int Left = 52, Right = 12, Top = 24, Bottom = 40;

    /// <summary>The hatch pattern removed bins use; defined once per page (SVG ids are document-wide).</summary>
    public const string Defs =
        "<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\"><defs>" +
        "<pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">" +
        "<rect width=\"6\" height=\"6\" class=\"hatch-bg\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch-line\"/></pattern></defs></svg>";

    /// <summary>
    /// A histogram of one column with each rule's threshold as a dashed line; bins on the dropping side of a threshold
    /// are hatched. The rightmost bar, when present, counts the values above the range (the 99th percentile).
    /// </summary>
    public static string Histogram(string title, string xLabel, Histogram h, IReadOnlyList<ReportRule> rules, int width = 380, int height = 210)
    {
        var svg = new Svg(width, height, title);
        bool overflow = h.Overflow > 0;
        int bars = h.Counts.Length + (overflow ? 1 : 0);
        double plotW = width - Left - Right, plotH = height - Top - Bottom;
        double barW = plotW / bars;
        long max = Math.Max(1, Math.Max(h.Counts.Max(), h.Overflow));
        YAxis(svg, max, plotW, plotH, "documents");
        for (int i = 0; i < bars; i++)
        {
            bool isOverflow = i == h.Counts.Length;
            long count = isOverflow ? h.Overflow : h.Counts[i];
            double lo = isOverflow ? h.Hi : h.Lo + i * h.Width, hi = isOverflow ? double.PositiveInfinity : lo + h.Width;
            // A bin is hatched when its middle fails a rule; the "more" bin when every value above the range does.
            double probe = isOverflow ? Math.BitIncrement(h.Hi) : (lo + hi) / 2;
            bool removed = rules.Any(r => !r.Passes(probe) && (!isOverflow || r.Bound == RuleBound.Max));
            double barH = plotH * count / max;
            string range = isOverflow ? $"> {SafeText.Pretty(h.Hi)}" : $"{SafeText.Pretty(lo)} – {SafeText.Pretty(hi)}";
            svg.Rect(Left + i * barW + 0.5, Top + plotH - barH, barW - 1, barH, removed ? "bar removed" : "bar",
                $"{range}: {SafeText.Count(count)} documents{(removed ? " (dropped by the rule)" : "")}");
        }
        foreach (double t in Svg.Ticks(h.Lo, h.Hi, 4))
        {
            double x = Left + (t - h.Lo) / (h.Hi - h.Lo) * (plotW - (overflow ? barW : 0));
            svg.Line(x, Top + plotH, x, Top + plotH + 4, "axis").Text(x, Top + plotH + 14, Svg.TickLabel(t), "middle", "tick");
        }
        if (overflow) svg.Text(Left + plotW - barW / 2, Top + plotH + 14, "more", "middle", "tick");
        int label = 0;
        foreach (var rule in rules.DistinctBy(r => (r.Bound, r.Threshold)))
        {
            if (rule.Threshold < h.Lo || rule.Threshold > h.Hi) continue;
            double x = Left + (rule.Threshold - h.Lo) / (h.Hi - h.Lo) * (plotW - (overflow ? barW : 0));
            svg.Line(x, Top - 2, x, Top + plotH, "threshold");
            string text = (rule.Bound == RuleBound.Min ? "keep ≥ " : "keep ≤ ") + SafeText.Pretty(rule.Threshold);
            bool leftSide = x > Left + plotW * 0.6;
            svg.Text(leftSide ? x - 3 : x + 3, Top + 9 + 11 * label++, text, leftSide ? "end" : "start", "tlabel");
        }
        svg.Line(Left, Top + plotH, Left + plotW, Top + plotH, "axis");
        svg.Text(Left + plotW / 2, height - 6, xLabel, "middle", "alabel");
        return svg.ToString();
    }

    /// <summary>Horizontal bars with the value (and share) printed beside each bar.</summary>
    public static string Bars(string title, string xLabel, IReadOnlyList<(string Label, double Value, string Text, bool Hatched)> rows, int width = 560)
    {
        const int rowH = 20, labelW = 170;
        int height = Top + rows.Count * rowH + Bottom - 6;
        var svg = new Svg(width, height, title);
        double plotW = width - labelW - 110;
        double max = Math.Max(1e-12, rows.Count == 0 ? 1 : rows.Max(r => r.Value));
        for (int i = 0; i < rows.Count; i++)
        {
            var (label, value, text, hatched) = rows[i];
            double y = Top + 4 + i * rowH;
            svg.Text(labelW - 6, y + 13, Short(label, 28), "end", "blabel");
            double w = plotW * value / max;
            svg.Rect(labelW, y + 2, w, rowH - 6, hatched ? "bar removed" : "bar", $"{label}: {text}");
            svg.Text(labelW + w + 4, y + 13, text, "start", "bvalue");
        }
        double axisY = Top + 4 + rows.Count * rowH;
        svg.Line(labelW, axisY, labelW + plotW, axisY, "axis");
        foreach (double t in Svg.Ticks(0, max, 4))
        {
            double x = labelW + plotW * t / max;
            svg.Line(x, axisY, x, axisY + 4, "axis").Text(x, axisY + 14, Svg.TickLabel(t), "middle", "tick");
        }
        svg.Text(labelW + plotW / 2, height - 4, xLabel, "middle", "alabel");
        return svg.ToString();
    }

    /// <summary>Marker shapes and dash patterns that tell the series of an overlay apart without colour.</summary>
    private static readonly string[] Dashes = ["", "6 3", "2 2", "8 3 2 3", "1 4"];

    /// <summary>
    /// Several corpora's distributions of one column over shared bins, as the share of each corpus's documents per
    /// bin: one line per corpus, each with its own dash pattern, marker shape and class.
    /// </summary>
    public static string Overlay(string title, string xLabel, IReadOnlyList<(string Name, Histogram H)> series, IReadOnlyList<ReportRule> rules, int width = 420, int height = 230)
    {
        var svg = new Svg(width, height, title);
        var first = series[0].H;
        int bins = first.Counts.Length + 1;
        double plotW = width - Left - Right, plotH = height - Top - Bottom - 14;
        var shares = series.Select(s => s.H.Counts.Append(s.H.Overflow).Select(c => s.H.Total == 0 ? 0 : (double)c / s.H.Total).ToArray()).ToList();
        double max = Math.Max(1e-9, shares.Max(s => s.Max()));
        foreach (double t in Svg.Ticks(0, max, 4))
        {
            double y = Top + plotH - plotH * t / max;
            svg.Line(Left - 4, y, Left, y, "axis").Text(Left - 6, y + 3, (t * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%", "end", "tick");
        }
        svg.Line(Left, Top, Left, Top + plotH, "axis").Text(12, Top + plotH / 2, "share of documents", "middle", "alabel", -90);
        double step = plotW / bins;
        for (int s = 0; s < series.Count; s++)
        {
            var path = new StringBuilder();
            var markers = new StringBuilder();
            for (int i = 0; i < bins; i++)
            {
                double x = Left + (i + 0.5) * step, y = Top + plotH - plotH * shares[s][i] / max;
                path.Append(i == 0 ? 'M' : 'L').Append(Svg.F(x)).Append(' ').Append(Svg.F(y));
                markers.Append(Marker(s, x, y));
            }
            string dash = Dashes[s % Dashes.Length];
            svg.Raw($"<path d=\"{path}\" class=\"series s{s % 5}\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")}/>");
            svg.Raw($"<g class=\"mk s{s % 5}\">{markers}</g>");
        }
        foreach (double t in Svg.Ticks(first.Lo, first.Hi, 4))
        {
            double x = Left + (t - first.Lo) / (first.Hi - first.Lo) * (plotW - step);
            svg.Line(x, Top + plotH, x, Top + plotH + 4, "axis").Text(x, Top + plotH + 14, Svg.TickLabel(t), "middle", "tick");
        }
        svg.Text(Left + plotW - step / 2, Top + plotH + 14, "more", "middle", "tick");
        foreach (var rule in rules.DistinctBy(r => r.Threshold))
        {
            if (rule.Threshold < first.Lo || rule.Threshold > first.Hi) continue;
            double x = Left + (rule.Threshold - first.Lo) / (first.Hi - first.Lo) * (plotW - step);
            svg.Line(x, Top, x, Top + plotH, "threshold");
        }
        svg.Line(Left, Top + plotH, Left + plotW, Top + plotH, "axis");
        svg.Text(Left + plotW / 2, Top + plotH + 28, xLabel, "middle", "alabel");
        double lx = Left;
        for (int s = 0; s < series.Count; s++)
        {
            double y = height - 6;
            string dash = Dashes[s % Dashes.Length];
            svg.Raw($"<path d=\"M{Svg.F(lx)} {Svg.F(y - 4)}H{Svg.F(lx + 22)}\" class=\"series s{s % 5}\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")}/>");
            svg.Raw($"<g class=\"mk s{s % 5}\">{Marker(s, lx + 11, y - 4)}</g>");
            svg.Text(lx + 26, y, Short(series[s].Name, 24), "start", "legend");
            lx += 40 + Math.Min(24, series[s].Name.Length) * 6.5;
        }
        return svg.ToString();
    }

    private static string Marker(int series, double x, double y) => (series % 4) switch
    {
        0 => $"<circle cx=\"{Svg.F(x)}\" cy=\"{Svg.F(y)}\" r=\"2.5\"/>",
        1 => $"<rect x=\"{Svg.F(x - 2.5)}\" y=\"{Svg.F(y - 2.5)}\" width=\"5\" height=\"5\"/>",
        2 => $"<path d=\"M{Svg.F(x)} {Svg.F(y - 3)}L{Svg.F(x + 3)} {Svg.F(y + 2.5)}L{Svg.F(x - 3)} {Svg.F(y + 2.5)}Z\"/>",
        _ => $"<path d=\"M{Svg.F(x - 3)} {Svg.F(y - 3)}L{Svg.F(x + 3)} {Svg.F(y + 3)}M{Svg.F(x + 3)} {Svg.F(y - 3)}L{Svg.F(x - 3)} {Svg.F(y + 3)}\" class=\"cross\"/>",
    };

    private static void YAxis(Svg svg, long max, double plotW, double plotH, string label)
    {
        foreach (double t in Svg.Ticks(0, max, 4))
        {
            double y = Top + plotH - plotH * t / max;
            svg.Line(Left - 4, y, Left, y, "axis").Text(Left - 6, y + 3, Svg.TickLabel(t), "end", "tick");
        }
        svg.Line(Left, Top, Left, Top + plotH, "axis");
        svg.Text(12, Top + plotH / 2, label, "middle", "alabel", -90);
    }

    private static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
