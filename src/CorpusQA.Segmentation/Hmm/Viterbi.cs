namespace CorpusQA.Segmentation.Hmm;

/// <summary>
/// <c>finalseg.viterbi</c> over states B, M, E, S with Python's exact arithmetic order
/// (<c>V[t-1][y0] + trans + emit</c>) and its tie-breaking: <c>max()</c> over (prob, state) tuples
/// prefers the alphabetically larger state letter on equal probability (B &lt; E &lt; M &lt; S).
/// </summary>
internal static class Viterbi
{
    /// <summary>Writes the most probable state of each character of <paramref name="obs"/> (all CJK) into <paramref name="states"/>.</summary>
    internal static void Decode(HmmModel model, ReadOnlySpan<char> obs, Span<byte> states, Span<byte> back)
    {
        ReadOnlySpan<double> trans = model.TransitionTable;
        double tBE = trans[(HmmModel.B * 4) + HmmModel.E], tBM = trans[(HmmModel.B * 4) + HmmModel.M];
        double tEB = trans[(HmmModel.E * 4) + HmmModel.B], tES = trans[(HmmModel.E * 4) + HmmModel.S];
        double tME = trans[(HmmModel.M * 4) + HmmModel.E], tMM = trans[(HmmModel.M * 4) + HmmModel.M];
        double tSB = trans[(HmmModel.S * 4) + HmmModel.B], tSS = trans[(HmmModel.S * 4) + HmmModel.S];

        ReadOnlySpan<double> em = model.Emissions(obs[0]);
        double vB = model.Start(HmmModel.B) + em[HmmModel.B];
        double vM = model.Start(HmmModel.M) + em[HmmModel.M];
        double vE = model.Start(HmmModel.E) + em[HmmModel.E];
        double vS = model.Start(HmmModel.S) + em[HmmModel.S];

        for (int t = 1; t < obs.Length; t++)
        {
            em = model.Emissions(obs[t]);
            int row = t * 4;
            // B <- E | S: on a tie S wins (S > E).
            double fromE = vE + tEB + em[HmmModel.B], fromS = vS + tSB + em[HmmModel.B];
            double nB; if (fromE > fromS) { nB = fromE; back[row + HmmModel.B] = HmmModel.E; } else { nB = fromS; back[row + HmmModel.B] = HmmModel.S; }
            // M <- M | B: on a tie M wins (M > B).
            double fromM = vM + tMM + em[HmmModel.M], fromB = vB + tBM + em[HmmModel.M];
            double nM; if (fromB > fromM) { nM = fromB; back[row + HmmModel.M] = HmmModel.B; } else { nM = fromM; back[row + HmmModel.M] = HmmModel.M; }
            // S <- S | E: on a tie S wins.
            fromS = vS + tSS + em[HmmModel.S]; fromE = vE + tES + em[HmmModel.S];
            double nS; if (fromE > fromS) { nS = fromE; back[row + HmmModel.S] = HmmModel.E; } else { nS = fromS; back[row + HmmModel.S] = HmmModel.S; }
            // E <- B | M: on a tie M wins (M > B).
            fromB = vB + tBE + em[HmmModel.E]; fromM = vM + tME + em[HmmModel.E];
            double nE; if (fromB > fromM) { nE = fromB; back[row + HmmModel.E] = HmmModel.B; } else { nE = fromM; back[row + HmmModel.E] = HmmModel.M; }
            vB = nB; vM = nM; vE = nE; vS = nS;
        }

        // max((V[E], 'E'), (V[S], 'S')): S on a tie.
        byte state = vE > vS ? (byte)HmmModel.E : (byte)HmmModel.S;
        for (int t = obs.Length - 1; t > 0; t--)
        {
            states[t] = state;
            state = back[(t * 4) + state];
        }
        states[0] = state;
    }
}
