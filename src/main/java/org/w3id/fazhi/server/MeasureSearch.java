package org.w3id.fazhi.server;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.system.Txn;
import org.apache.lucene.queryparser.classic.QueryParserBase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full-text search over the measures of every report: the jena-text index finds the candidate
 * subjects (a Lucene phrase per term, all required), the query keeps the measures among them whose
 * quote contains every term, and reads for each hit what the facets need (province, level, year,
 * theme, program, section). The search text is never part of the query's text: the Lucene query and
 * the terms are bound into the parsed query as literals ({@link QueryTransformOps}).
 *
 * <p>Facet counts and narrowing are computed from the hits in memory, so they cost nothing beyond
 * the one query whatever the size of the store.
 */
final class MeasureSearch {

    /** More terms than this are refused (a search box, not a query language). */
    static final int MAX_TERMS = 8;
    /** The longest search text accepted, in characters. */
    static final int MAX_CHARS = 200;

    /** The facets, in the order the page lists them; {@code param} is the URL parameter. */
    enum Facet {
        PROVINCE("province", "省份 Province"),
        LEVEL("level", "层级 Level"),
        YEAR("year", "年度 Year"),
        THEME("theme", "领域 Theme"),
        PROGRAM("program", "举措品牌 Program"),
        SECTION("section", "部分 Section");

        final String param;
        final String title;

        Facet(String param, String title) {
            this.param = param;
            this.title = title;
        }
    }

    /** One measure found: its quote, its report and the facet values it has (keys as in the URL). */
    record Hit(String measure, String quote, String report, String region, String year, String section,
               long order, Map<Facet, Set<String>> values) {

        boolean matches(Map<Facet, Set<String>> selected) {
            for (Map.Entry<Facet, Set<String>> e : selected.entrySet()) {
                if (!values.getOrDefault(e.getKey(), Set.of()).containsAll(e.getValue())) return false;
            }
            return true;
        }
    }

    /** Every hit of a search, sorted by region, year and place in the report, with the labels of the facet values. */
    record Result(List<Hit> hits, Map<Facet, Map<String, String>> labels, Duration elapsed) {

        List<Hit> narrowed(Map<Facet, Set<String>> selected) {
            return hits.stream().filter(h -> h.matches(selected)).toList();
        }

        String label(Facet f, String key) {
            return labels.getOrDefault(f, Map.of()).getOrDefault(key, key);
        }

        /** Per facet, each value among {@code hits} with the number of hits that have it, most first. */
        static Map<Facet, List<Map.Entry<String, Integer>>> counts(List<Hit> hits) {
            Map<Facet, List<Map.Entry<String, Integer>>> out = new EnumMap<>(Facet.class);
            for (Facet f : Facet.values()) {
                Map<String, Integer> n = new HashMap<>();
                for (Hit h : hits) for (String v : h.values().getOrDefault(f, Set.of())) n.merge(v, 1, Integer::sum);
                List<Map.Entry<String, Integer>> list = new ArrayList<>(n.entrySet());
                Comparator<Map.Entry<String, Integer>> order = f == Facet.YEAR
                        ? Map.Entry.<String, Integer>comparingByKey().reversed()
                        : Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
                list.sort(order);
                out.put(f, list);
            }
            return out;
        }
    }

    private static final String PREFIXES = """
            PREFIX fz:   <https://w3id.org/fazhi/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX text: <http://jena.apache.org/text#>
            """;

    /** The query; {@code %s} is one FILTER per term, each over a term variable ?t0, ?t1 … (bound later, never pasted). */
    private static final String QUERY = PREFIXES + """
            SELECT ?m ?quote ?report ?section ?year ?levelKey ?region ?regionName ?province ?program ?theme WHERE {
              ?m text:query ?lucene .
              ?m a fz:Measure ; fz:quote ?quote ; fz:report ?report .
            %s
              OPTIONAL { ?m fz:sectionKind ?sk . ?sk skos:notation ?section }
              OPTIONAL { ?report fz:year ?year }
              OPTIONAL { ?report fz:level ?level . ?level skos:notation ?levelKey }
              OPTIONAL { ?report fz:region ?region .
                         OPTIONAL { ?region fz:fullName ?regionName }
                         OPTIONAL { ?region fz:province ?province } }
              OPTIONAL { ?m fz:mentionsProgram ?program . OPTIONAL { ?program fz:theme ?theme } }
            }
            """;

    private static final Pattern MEASURE_ORDER = Pattern.compile("/measure/(\\d{1,18})$");

    private final Dataset dataset;
    private final Duration timeout;

    MeasureSearch(Dataset dataset, Duration timeout) {
        this.dataset = dataset;
        this.timeout = timeout;
    }

    /** The terms of a search text: its pieces between spaces (ASCII or full-width), at most {@link #MAX_TERMS}. */
    static List<String> terms(String q) {
        if (q == null) return List.of();
        Set<String> terms = new LinkedHashSet<>();
        for (String t : q.strip().split("[\\s\\u3000]+")) if (!t.isEmpty()) terms.add(t);
        if (terms.size() > MAX_TERMS) throw new IllegalArgumentException("at most " + MAX_TERMS + " terms");
        return List.copyOf(terms);
    }

    /** The Lucene query: each term a phrase (every Lucene syntax character escaped), all required. */
    static String luceneQuery(List<String> terms) {
        List<String> phrases = new ArrayList<>();
        for (String t : terms) if (indexable(t)) phrases.add("\"" + QueryParserBase.escape(t) + "\"");
        return String.join(" AND ", phrases);
    }

    /**
     * Whether the index can find a term: the index holds character bigrams, so one character alone
     * (法) is not in it. Such a term is left to the CONTAINS filter; a search needs one word of two.
     */
    static boolean indexable(String term) {
        return term.codePointCount(0, term.length()) >= 2;
    }

    /** The parsed query with the Lucene query and the terms bound as literals. */
    static Query query(List<String> terms) {
        StringBuilder filters = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) filters.append("  FILTER (CONTAINS(LCASE(STR(?quote)), ?t").append(i).append("))\n");
        Query parsed = QueryFactory.create(QUERY.formatted(filters));
        Map<Var, Node> values = new HashMap<>();
        values.put(Var.alloc("lucene"), NodeFactory.createLiteralString(luceneQuery(terms)));
        for (int i = 0; i < terms.size(); i++) {
            values.put(Var.alloc("t" + i), NodeFactory.createLiteralString(terms.get(i).toLowerCase(Locale.ROOT)));
        }
        Query bound = QueryTransformOps.transform(parsed, values);
        bound.setPrefixMapping(parsed.getPrefixMapping());
        return bound;
    }

    /** Every measure whose quote contains all the terms; none for no terms. */
    Result search(List<String> terms) {
        long start = System.nanoTime();
        if (terms.isEmpty()) return new Result(List.of(), Map.of(), Duration.ZERO);
        Query query = query(terms);
        Map<String, Builder> byMeasure = new LinkedHashMap<>();
        Map<Facet, Map<String, String>> labels = new EnumMap<>(Facet.class);
        Txn.executeRead(dataset, () -> {
            DatasetGraph dsg = dataset.asDatasetGraph();
            Map<String, String> labelCache = new HashMap<>();
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(query)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    Binding b = rs.nextBinding();
                    String m = iri(b, "m");
                    if (m == null) continue;
                    Builder h = byMeasure.computeIfAbsent(m, k -> new Builder(k, text(b, "quote"), iri(b, "report")));
                    String section = text(b, "section");
                    if (section != null) {
                        h.section = section;
                        h.add(Facet.SECTION, section);
                    }
                    String year = text(b, "year");
                    if (year != null) {
                        h.year = year;
                        h.add(Facet.YEAR, year);
                    }
                    String level = text(b, "levelKey");
                    if (level != null) h.add(Facet.LEVEL, level);
                    String regionName = text(b, "regionName");
                    if (regionName != null) h.region = regionName;
                    else if (h.region == null && iri(b, "region") != null) h.region = label(dsg, iri(b, "region"), labelCache);
                    value(h, Facet.PROVINCE, iri(b, "province"), dsg, labelCache, labels);
                    value(h, Facet.PROGRAM, iri(b, "program"), dsg, labelCache, labels);
                    value(h, Facet.THEME, iri(b, "theme"), dsg, labelCache, labels);
                }
            }
            for (Builder h : byMeasure.values()) {
                if (h.region == null && h.report != null) h.region = label(dsg, h.report, labelCache);
            }
            labels.put(Facet.SECTION, notationLabels(dsg, "SectionKind", labelCache));
            labels.put(Facet.LEVEL, notationLabels(dsg, "Level", labelCache));
        });
        List<Hit> hits = new ArrayList<>();
        for (Builder h : byMeasure.values()) hits.add(h.build());
        hits.sort(Comparator.comparing((Hit h) -> h.region() == null ? "" : h.region())
                .thenComparing(h -> h.year() == null ? "" : h.year())
                .thenComparing(Hit::report, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(Hit::order));
        return new Result(List.copyOf(hits), labels, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void value(Builder h, Facet f, String iri, DatasetGraph dsg, Map<String, String> cache,
                              Map<Facet, Map<String, String>> labels) {
        if (iri == null) return;
        String key = lastSegment(iri);
        h.add(f, key);
        labels.computeIfAbsent(f, k -> new HashMap<>()).computeIfAbsent(key, k -> label(dsg, iri, cache));
    }

    /** The Chinese labels of the concepts of a class of the ontology, by notation (section kinds, levels). */
    private static Map<String, String> notationLabels(DatasetGraph dsg, String classLocalName, Map<String, String> cache) {
        Map<String, String> out = new HashMap<>();
        Node type = NodeFactory.createURI(org.w3id.fazhi.rdf.FZ.NS + classLocalName);
        Node notation = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#notation");
        var it = dsg.find(Node.ANY, Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(), type);
        while (it.hasNext()) {
            Node c = it.next().getSubject();
            if (!c.isURI()) continue;
            var n = dsg.find(Node.ANY, c, notation, Node.ANY);
            if (n.hasNext()) {
                Node o = n.next().getObject();
                if (o.isLiteral()) out.put(o.getLiteralLexicalForm(), label(dsg, c.getURI(), cache));
            }
        }
        return out;
    }

    private static String label(DatasetGraph dsg, String iri, Map<String, String> cache) {
        return cache.computeIfAbsent(iri, k -> {
            String l = ResourcePage.label(dsg, k);
            return l != null ? l : lastSegment(k);
        });
    }

    static String lastSegment(String iri) {
        int cut = Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#'));
        return iri.substring(cut + 1);
    }

    private static String iri(Binding b, String var) {
        Node n = b.get(Var.alloc(var));
        return n != null && n.isURI() ? n.getURI() : null;
    }

    private static String text(Binding b, String var) {
        Node n = b.get(Var.alloc(var));
        return n != null && n.isLiteral() ? n.getLiteralLexicalForm() : null;
    }

    private static final class Builder {
        final String measure, quote, report;
        String region, year, section;
        final Map<Facet, Set<String>> values = new EnumMap<>(Facet.class);

        Builder(String measure, String quote, String report) {
            this.measure = measure;
            this.quote = quote;
            this.report = report;
        }

        void add(Facet f, String v) { values.computeIfAbsent(f, k -> new TreeSet<>()).add(v); }

        Hit build() {
            Matcher m = MEASURE_ORDER.matcher(measure);
            long order = m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
            Map<Facet, Set<String>> frozen = new EnumMap<>(Facet.class);
            values.forEach((f, v) -> frozen.put(f, Set.copyOf(v)));
            return new Hit(measure, quote, report, region, year, section, order, frozen);
        }
    }
}
