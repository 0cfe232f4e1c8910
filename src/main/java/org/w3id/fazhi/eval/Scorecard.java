package org.w3id.fazhi.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What score.py computes: one entry per gold report, the reports with no output, and the totals. */
public record Scorecard(Map<String, ReportScore> reports, List<String> missing, Totals totals) {

    /** Precision, recall and F1, each already rounded to 4 places. */
    public record Prf(double precision, double recall, double f1) {}

    /** missed and spurious hold at most 15 quotes each, as in score.py; a spurious quote may be null. */
    public record FactScore(Prf prf, int tp, int extracted, int gold, List<String> missed, List<String> spurious) {}

    /** missed and spurious are canonical program names in code point order. */
    public record ProgramScore(Prf prf, List<String> missed, List<String> spurious) {}

    public record MetaField(boolean ok, String gold, String got) {}

    public record ReportScore(FactScore facts, ProgramScore programs, Map<String, MetaField> metadata) {}

    /**
     * indicatorPrecision is what score.py --more adds: of the matched facts given an indicator of the
     * gold's list, the share where the gold gives the same one (indicatorsGiven of them); the default
     * line's indicatorAccuracy is the recall. {@code where} is the rest of --more: regions and publishers.
     */
    public record Totals(Prf facts, int tp, int extracted, int gold, double approxAccuracy, double indicatorAccuracy,
                         Prf programs, double statusAccuracy, double metadataAccuracy, int indicatorsGiven,
                         double indicatorPrecision, Where where) {}

    /**
     * What score.py --more says of regions and publishers: region precision (of the reports given a
     * region, the share with the gold's), wrong province, region coverage (of the reports whose gold
     * names a region, the share given one) and publisher (of those whose gold names one, the share
     * given the same string).
     */
    public record Where(double regionPrecision, int regionsGiven, int wrongProvince, double regionCoverage,
                        double publisher, int publishersInGold) {}

    private static String f(double x) { return Py.repr(x); }

    /** Exactly what score.py prints without --json, each line ending in a newline. */
    public String toText() {
        StringBuilder s = new StringBuilder();
        reports.forEach((name, rep) -> {
            FactScore fa = rep.facts();
            List<String> bad = new ArrayList<>();
            rep.metadata().forEach((k, v) -> { if (!v.ok()) bad.add(k); });
            s.append(name).append(": facts P=").append(f(fa.prf().precision())).append(" R=").append(f(fa.prf().recall()))
                    .append(" (").append(fa.tp()).append('/').append(fa.gold()).append(", ").append(fa.extracted())
                    .append(" out)  programs P=").append(f(rep.programs().prf().precision()))
                    .append(" R=").append(f(rep.programs().prf().recall()))
                    .append("  metadata wrong: ").append(bad.isEmpty() ? "none" : String.join(", ", bad)).append('\n');
        });
        if (!missing.isEmpty()) s.append("no output for: ").append(String.join(", ", missing)).append('\n');
        Totals t = totals;
        return s.append("facts P=").append(f(t.facts().precision())).append(" R=").append(f(t.facts().recall()))
                .append(" F1=").append(f(t.facts().f1())).append(" approx=").append(f(t.approxAccuracy()))
                .append(" indicator=").append(f(t.indicatorAccuracy()))
                .append(" programs P=").append(f(t.programs().precision())).append(" R=").append(f(t.programs().recall()))
                .append(" status=").append(f(t.statusAccuracy())).append(" metadata=").append(f(t.metadataAccuracy()))
                .append('\n').toString();
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What score.py --json prints: json.dumps(out, ensure_ascii=False, indent=1) and a newline. */
    public String toJson() {
        ObjectNode out = MAPPER.createObjectNode();
        ObjectNode reps = out.putObject("reports");
        reports.forEach((name, rep) -> {
            ObjectNode r = reps.putObject(name);
            ObjectNode fa = prf(r.putObject("facts"), rep.facts().prf());
            fa.put("tp", rep.facts().tp()).put("extracted", rep.facts().extracted()).put("gold", rep.facts().gold());
            strings(fa.putArray("missed"), rep.facts().missed());
            strings(fa.putArray("spurious"), rep.facts().spurious());
            ObjectNode pg = prf(r.putObject("programs"), rep.programs().prf());
            strings(pg.putArray("missed"), rep.programs().missed());
            strings(pg.putArray("spurious"), rep.programs().spurious());
            ObjectNode meta = r.putObject("metadata");
            rep.metadata().forEach((k, v) -> meta.putObject(k).put("ok", v.ok()).put("gold", v.gold()).put("got", v.got()));
        });
        strings(out.putArray("missing"), missing);
        ObjectNode tot = out.putObject("total");
        prf(tot.putObject("facts"), totals.facts()).put("tp", totals.tp()).put("extracted", totals.extracted())
                .put("gold", totals.gold());
        tot.putRawValue("approx_accuracy", raw(totals.approxAccuracy()));
        tot.putRawValue("indicator_accuracy", raw(totals.indicatorAccuracy()));
        prf(tot.putObject("programs"), totals.programs());
        tot.putRawValue("status_accuracy", raw(totals.statusAccuracy()));
        tot.putRawValue("metadata_accuracy", raw(totals.metadataAccuracy()));
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter(" ", "\n")).withArrayIndenter(new DefaultIndenter(" ", "\n"));
        try {
            return MAPPER.writer(pp).with(new PythonEscapes()).writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawValue raw(double x) { return new RawValue(Py.repr(x)); } // Python float repr, not Java's

    private static ObjectNode prf(ObjectNode o, Prf p) {
        o.putRawValue("precision", raw(p.precision()));
        o.putRawValue("recall", raw(p.recall()));
        o.putRawValue("f1", raw(p.f1()));
        return o;
    }

    private static void strings(ArrayNode a, List<String> values) { values.forEach(a::add); }

    /** json.dumps escapes control characters as lower-case hex (u001b); Jackson would write upper case. */
    private static final class PythonEscapes extends CharacterEscapes {
        private final int[] table = standardAsciiEscapesForJSON();

        PythonEscapes() {
            for (int c = 0; c < 0x20; c++) if (table[c] == ESCAPE_STANDARD) table[c] = ESCAPE_CUSTOM; // \b \t \n \f \r stay short
        }

        @Override public int[] getEscapeCodesForAscii() { return table; }

        @Override public SerializableString getEscapeSequence(int ch) {
            return ch < 0x20 ? new SerializedString(String.format("\\u%04x", ch)) : null; // null: write as is
        }
    }
}
