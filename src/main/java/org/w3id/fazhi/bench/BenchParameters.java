package org.w3id.fazhi.bench;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.system.Txn;
import org.w3id.fazhi.query.SavedQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Values for the saved queries' parameters, read once from the store (program labels, region
 * names, indicator codes, theme labels, keywords cut from measure quotes) and drawn with a seeded
 * {@link Random}: the server bench asks for ever other answers, so a cache alone cannot carry it,
 * and the same seed asks the same questions in the same order.
 *
 * <p>A parameter is matched to a list by its name: {@code program*}, {@code region*},
 * {@code indicator*}, {@code keyword*}, {@code theme*}; a parameter of another name, or whose list
 * is empty, keeps its default.
 */
public final class BenchParameters {

    private static final String PREFIXES = """
            PREFIX fz:   <https://w3id.org/fazhi/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """;

    private final List<String> programs;
    private final List<String> regions;
    private final List<String> indicators;
    private final List<String> themes;
    private final List<String> keywords;

    BenchParameters(List<String> programs, List<String> regions, List<String> indicators, List<String> themes, List<String> keywords) {
        this.programs = List.copyOf(programs);
        this.regions = List.copyOf(regions);
        this.indicators = List.copyOf(indicators);
        this.themes = List.copyOf(themes);
        this.keywords = List.copyOf(keywords);
    }

    /** Reads the lists from a store's dataset (sorted, so the lists do not depend on the index order). */
    public static BenchParameters read(Dataset dataset) {
        return Txn.calculateRead(dataset, () -> new BenchParameters(
                strings(dataset, "SELECT DISTINCT ?v WHERE { ?m a fz:ProgramMention ; fz:program ?p . ?p skos:prefLabel ?l . "
                        + "FILTER (LANGMATCHES(LANG(?l), \"zh\") || LANG(?l) = \"\") BIND (STR(?l) AS ?v) } ORDER BY ?v"),
                strings(dataset, "SELECT DISTINCT ?v WHERE { ?r fz:region/fz:fullName ?n . BIND (STR(?n) AS ?v) } ORDER BY ?v"),
                strings(dataset, "SELECT DISTINCT ?v WHERE { ?f fz:indicator ?i . ?i skos:notation ?c . BIND (STR(?c) AS ?v) } ORDER BY ?v"),
                strings(dataset, "SELECT DISTINCT ?v WHERE { ?x fz:theme ?t . ?t skos:prefLabel ?l . "
                        + "FILTER (LANGMATCHES(LANG(?l), \"zh\") || LANG(?l) = \"\") BIND (STR(?l) AS ?v) } ORDER BY ?v"),
                keywords(strings(dataset, "SELECT DISTINCT ?v WHERE { ?m a fz:Measure ; fz:quote ?q . BIND (STR(?q) AS ?v) } "
                        + "ORDER BY ?v LIMIT 2000"))));
    }

    private static List<String> strings(Dataset dataset, String query) {
        List<String> out = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(PREFIXES + query).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                if (s.contains("v")) out.add(s.getLiteral("v").getString());
            }
        }
        return out;
    }

    /**
     * Keywords cut from quotes: the runs of Chinese characters between punctuation, and from each
     * its first two and first four characters (short enough to occur elsewhere too); at most 200.
     */
    static List<String> keywords(List<String> quotes) {
        Set<String> out = new LinkedHashSet<>();
        for (String quote : quotes) {
            for (String run : quote.split("[^\\p{IsHan}]+")) {
                if (run.length() >= 2) out.add(run.substring(0, 2));
                if (run.length() >= 4) out.add(run.substring(0, 4));
            }
            if (out.size() >= 200) break;
        }
        return new ArrayList<>(out).subList(0, Math.min(200, out.size()));
    }

    public List<String> programs() { return programs; }

    public List<String> regions() { return regions; }

    public List<String> indicators() { return indicators; }

    public List<String> themes() { return themes; }

    public List<String> keywords() { return keywords; }

    /** The list a parameter's values are drawn from, or null: it keeps its default. */
    List<String> listFor(SavedQuery.Param p) {
        if (p.type() != SavedQuery.ParamType.STRING) return null;
        String name = p.name().toLowerCase(Locale.ROOT);
        List<String> list = name.startsWith("program") ? programs
                : name.startsWith("region") ? regions
                : name.startsWith("indicator") ? indicators
                : name.startsWith("keyword") ? keywords
                : name.startsWith("theme") ? themes
                : null;
        return list == null || list.isEmpty() ? null : list;
    }

    /** Values for every parameter of {@code query} that has a list, drawn with {@code random}. */
    public Map<String, String> draw(SavedQuery query, Random random) {
        Map<String, String> values = new LinkedHashMap<>();
        for (SavedQuery.Param p : query.params()) {
            List<String> list = listFor(p);
            if (list != null) values.put(p.name(), list.get(random.nextInt(list.size())));
        }
        return values;
    }
}
