package org.w3id.fazhi.eval;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.w3id.fazhi.eval.GoldSet.GoldFact;
import org.w3id.fazhi.eval.GoldSet.GoldProgram;
import org.w3id.fazhi.eval.GoldSet.GoldReport;
import org.w3id.fazhi.eval.Scorecard.FactScore;
import org.w3id.fazhi.eval.Scorecard.MetaField;
import org.w3id.fazhi.eval.Scorecard.Prf;
import org.w3id.fazhi.eval.Scorecard.ProgramScore;
import org.w3id.fazhi.eval.Scorecard.ReportScore;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Java port of shared/gold/score.py: scores extractor output (one JSON object per report) against a
 * gold folder and gives the same numbers. Where score.py would crash on malformed input (a quote that
 * is a number, say) this class does something sensible instead; everywhere else it follows score.py.
 */
public final class Scorer {
    private Scorer() {}

    private static final JsonNode NO_OUTPUT = JsonNodeFactory.instance.objectNode();
    private static final List<String> META = List.of("title", "region", "province", "level", "year", "published");

    public static Scorecard score(GoldSet gold, List<JsonNode> extracted) {
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode obj : extracted) byName.put(basename(obj.get("source")), obj); // later objects win
        List<String> names = gold.reports().stream().map(GoldReport::report).toList();
        List<String> missing = names.stream().filter(n -> !byName.containsKey(n)).toList();
        Set<String> canon = gold.canonicalPrograms();

        Map<String, ReportScore> reports = new LinkedHashMap<>();
        int tpAll = 0, extAll = 0, goldAll = 0, approxOkAll = 0, indOkAll = 0, indNAll = 0, indGiven = 0, indRight = 0;
        int ptpAll = 0, pextAll = 0, pgoldAll = 0, statusOkAll = 0, metaOkAll = 0, metaNAll = 0;
        int regGiven = 0, regRight = 0, wrongProvince = 0, regGold = 0, pubN = 0, pubOk = 0;
        for (String name : names) {
            JsonNode obj = byName.getOrDefault(name, NO_OUTPUT);

            // facts: one-to-one, each gold fact takes the first unused extracted fact that agrees
            List<GoldFact> gf = gold.facts().stream().filter(g -> Objects.equals(g.report(), name)).toList();
            List<JsonNode> ef = elements(obj.get("facts"));
            boolean[] used = new boolean[ef.size()];
            int tp = 0, approxOk = 0, indOk = 0, indN = 0;
            List<String> misses = new ArrayList<>();
            for (GoldFact g : gf) {
                int hit = -1;
                for (int i = 0; i < ef.size() && hit < 0; i++) {
                    JsonNode e = ef.get(i);
                    if (!used[i] && sameNumber(g.value(), e.get("value")) && unitEquals(g.unit(), e.get("unit"))
                            && quotesAgree(g, quote(e))) hit = i;
                }
                if (hit < 0) { misses.add(g.quote()); continue; }
                used[hit] = true;
                tp++;
                JsonNode e = ef.get(hit);
                if (Objects.equals(truthy(g.approx()) ? g.approx() : "exact", Py.or(e.get("approx"), "exact"))) approxOk++;
                // --more: (e.get("indicator") or "") in listed, and right where the gold's is the same
                if (Py.or(e.get("indicator"), "") instanceof String given && gold.listedIndicators().contains(given)) {
                    indGiven++;
                    if (given.equals(truthy(g.indicator()) ? g.indicator() : "")) indRight++;
                }
                if (truthy(g.indicator())) {
                    indN++;
                    if (Objects.equals(g.indicator(), Py.or(e.get("indicator"), ""))) indOk++;
                }
            }
            List<String> spurious = new ArrayList<>();
            for (int i = 0; i < ef.size(); i++) if (!used[i]) spurious.add(quote(ef.get(i)));

            // programs: (report, canonical program) pairs; the first extracted mention sets the status
            Map<String, String> gp = new LinkedHashMap<>();
            for (GoldProgram g : gold.programs()) {
                if (Objects.equals(g.report(), name) && canon.contains(g.program())) gp.put(g.program(), g.status());
            }
            Map<String, Object> ep = new LinkedHashMap<>();
            for (JsonNode p : elements(obj.get("programs"))) {
                JsonNode program = p.get("program");
                if (program != null && program.isTextual() && canon.contains(program.textValue())
                        && !ep.containsKey(program.textValue())) ep.put(program.textValue(), status(p));
            }
            Set<String> both = new TreeSet<>(Py.CODE_POINT_ORDER);
            both.addAll(gp.keySet());
            both.retainAll(ep.keySet());
            int ptp = both.size();
            int statusOk = (int) both.stream().filter(k -> Objects.equals(gp.get(k), ep.get(k))).count();

            // metadata: exact string match per field the gold fills
            GoldReport g = gold.reports().stream().filter(r -> Objects.equals(r.report(), name)).findFirst().orElseThrow();
            // --more: regions and publishers
            String goldRegion = Py.strip(Objects.requireNonNullElse(g.region(), ""));
            String gotRegion = text(obj.get("region"));
            if (!goldRegion.isEmpty()) regGold++;
            String goldPublisher = Py.strip(Objects.requireNonNullElse(g.publisher(), ""));
            if (!goldPublisher.isEmpty()) {
                pubN++;
                if (text(obj.get("publisher")).equals(goldPublisher)) pubOk++;
            }
            if (!gotRegion.isEmpty() && !goldRegion.isEmpty()) {
                regGiven++;
                if (gotRegion.equals(goldRegion)) regRight++;
                if (!text(obj.get("province")).equals(Py.strip(Objects.requireNonNullElse(g.province(), "")))) wrongProvince++;
            }
            Map<String, MetaField> meta = new LinkedHashMap<>();
            for (String field : META) {
                String want = Py.strip(g.field(field) == null ? "" : g.field(field));
                if (want.isEmpty()) continue;
                JsonNode got = obj.get(field);
                String gotText = got == null || got.isNull() ? "" : Py.strip(Py.str(got));
                meta.put(field, new MetaField(want.equals(gotText), want, gotText));
            }

            reports.put(name, new ReportScore(
                    new FactScore(prf(tp, ef.size(), gf.size()), tp, ef.size(), gf.size(), first15(misses), first15(spurious)),
                    new ProgramScore(prf(ptp, ep.size(), gp.size()), minus(gp.keySet(), ep.keySet()), minus(ep.keySet(), gp.keySet())),
                    meta));
            tpAll += tp; extAll += ef.size(); goldAll += gf.size();
            approxOkAll += approxOk; indOkAll += indOk; indNAll += indN;
            ptpAll += ptp; pextAll += ep.size(); pgoldAll += gp.size(); statusOkAll += statusOk;
            metaOkAll += (int) meta.values().stream().filter(MetaField::ok).count(); metaNAll += meta.size();
        }
        Scorecard.Totals totals = new Scorecard.Totals(prf(tpAll, extAll, goldAll), tpAll, extAll, goldAll,
                ratio(approxOkAll, tpAll), ratio(indOkAll, indNAll), prf(ptpAll, pextAll, pgoldAll),
                ratio(statusOkAll, ptpAll), ratio(metaOkAll, metaNAll), indGiven, ratio(indRight, indGiven),
                new Scorecard.Where(ratio(regRight, regGiven), regGiven, wrongProvince, ratio(regGiven, regGold),
                        ratio(pubOk, pubN), pubN));
        return new Scorecard(reports, missing, totals);
    }

    /** Reads a JSON Lines file as score.py does: stripped lines, blank ones skipped, NaN/Infinity allowed. */
    public static List<JsonNode> readJsonl(Path path) throws IOException {
        JsonMapper mapper = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                line = Py.strip(line);
                if (!line.isEmpty()) out.add(mapper.readTree(line));
            }
        }
        return out;
    }

    /** os.path.basename(source or ""). */
    static String basename(JsonNode source) {
        String s = source == null || !source.isTextual() ? "" : source.textValue();
        return s.substring(s.lastIndexOf('/') + 1);
    }

    /** Same float within a relative tolerance of 1e-9; false when either side is not a number. */
    static boolean sameNumber(String gold, JsonNode ext) {
        Double a = Py.toFloat(gold), b = Py.toFloat(ext);
        if (a == null || b == null) return false;
        return Math.abs(a - b) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** g["unit"] == e.get("unit"): a missing or null unit is None, which equals no string. */
    static boolean unitEquals(String gold, JsonNode ext) {
        if (ext == null || ext.isNull()) return gold == null;
        return ext.isTextual() && ext.textValue().equals(gold);
    }

    /** The two quotes share a run of len(number_text)+2 characters holding number_text, or are equal. */
    static boolean quotesAgree(GoldFact gold, String extQuote) {
        String text = gold.numberText();
        int need = text.codePointCount(0, text.length()) + 2;
        int[] a = Py.codePoints(gold.quote());
        for (SequenceMatcher.Match m : new SequenceMatcher(a, Py.codePoints(extQuote == null ? "" : extQuote)).getMatchingBlocks()) {
            if (m.size() >= need && new String(a, m.a(), m.size()).contains(text)) return true;
        }
        return gold.quote().equals(extQuote);
    }

    /** e.get("quote", ""): "" when absent, null when JSON null (a non-string is taken as its JSON text). */
    private static String quote(JsonNode e) {
        JsonNode q = e.get("quote");
        if (q == null) return "";
        return q.isNull() ? null : q.isTextual() ? q.textValue() : q.toString();
    }

    /** p.get("status", ""): "" when absent, null when JSON null, the node itself when not a string. */
    private static Object status(JsonNode p) {
        JsonNode s = p.get("status");
        if (s == null) return "";
        return s.isNull() ? null : s.isTextual() ? s.textValue() : s;
    }

    static Prf prf(int tp, int nExt, int nGold) {
        double p = nExt != 0 ? (double) tp / nExt : (nGold == 0 ? 1.0 : 0.0);
        double r = nGold != 0 ? (double) tp / nGold : 1.0;
        double f = p + r != 0 ? 2 * p * r / (p + r) : 0.0;
        return new Prf(Py.round4(p), Py.round4(r), Py.round4(f));
    }

    /** (obj.get(key) or "").strip(): a string as it stands, anything else as its text. */
    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : Py.strip(node.isTextual() ? node.textValue() : node.toString());
    }

    private static double ratio(int ok, int n) { return n != 0 ? Py.round4((double) ok / n) : 0.0; }

    private static boolean truthy(String s) { return s != null && !s.isEmpty(); }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) array.forEach(out::add);
        return out;
    }

    private static List<String> first15(List<String> list) {
        return new ArrayList<>(list.subList(0, Math.min(15, list.size())));
    }

    private static List<String> minus(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(Py.CODE_POINT_ORDER);
        d.addAll(a);
        d.removeAll(b);
        return new ArrayList<>(d);
    }
}
