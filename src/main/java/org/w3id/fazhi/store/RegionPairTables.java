package org.w3id.fazhi.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.fazhi.rdf.FZ;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.w3id.fazhi.store.AnswerTables.n;
import static org.w3id.fazhi.store.AnswerTables.row;

/**
 * region-pair-shared: the programs two regions both practise, with a sentence of each. No table
 * can keep every pair of regions, so the load keeps per region the practised mentions of its
 * reports ({@link Practices}), and a page is made from the two regions' rows when it is read
 * ({@link Pair}), as the query would group them.
 */
final class RegionPairTables {

    private RegionPairTables() {}

    /** Marks the tables a saved query is made from, not answered by. */
    interface Internal {}

    /** Per region (its IRI the key): a row per practised mention of a program in one of its reports, per sentence. */
    static final class Practices extends AnswerTables.ReportRows implements Internal {
        static final String NAME = "region-pair-shared/practices";

        Practices() {
            super(NAME, QueryFactory.create("SELECT ?program ?theme ?r ?quote WHERE { } ORDER BY ?theme ?program"));
        }

        @Override
        void rows(ReportView v, AnswerTables.Emit out) {
            for (Node report : v.ofType(n(FZ.Report))) {
                List<Node> regions = v.objects(report, n(FZ.region));
                if (regions.isEmpty()) continue;
                // The report's practised mentions, by program.
                Map<Node, List<Node>> mentions = new LinkedHashMap<>();
                for (Node m : v.subjects(n(FZ.report), report)) {
                    if (!v.has(m, n(FZ.status), n(FZ.Practiced))) continue;
                    for (Node p : v.objects(m, n(FZ.program))) mentions.computeIfAbsent(p, k -> new ArrayList<>()).add(m);
                }
                for (Node p : v.objects(report, n(FZ.practices))) {
                    List<Node> ms = mentions.get(p);
                    if (ms == null) continue;
                    List<Node> themes = new ArrayList<>();
                    for (Node t : v.objects(p, n(FZ.theme))) themes.addAll(v.labels(t, n(SKOS.prefLabel), "zh"));
                    if (themes.isEmpty()) themes.add(ComplianceTables.EMPTY);
                    for (Node program : v.zhPrefLabels(p))
                        for (Node theme : themes)
                            for (Node m : ms) {
                                List<Node> quotes = v.path(m, n(FZ.measure), n(FZ.quote));
                                for (Node q : ReportView.orNull(quotes))
                                    for (Node r : regions) {
                                        if (!r.isURI()) continue;
                                        out.row(r.getURI(), row("program", program, "theme", theme, "r", r,
                                                "quote", ReportView.str(q)), null, null);
                                    }
                            }
                }
            }
        }

        @Override
        AnswerTable.Request request(Map<String, Node> params, Lookups lookups) { return AnswerTable.Request.key(NO_KEY); }
    }

    /** The saved query, answered from the two regions' {@link Practices}. */
    static final class Pair extends AnswerTable {
        Pair() { super("region-pair-shared"); }

        /** The regions a name picks with reports of their own, as the query's subqueries find them. */
        static final String REGIONS = "SELECT DISTINCT ?out WHERE { { BIND (STRLANG(?in, \"zh\") AS ?l) } UNION { BIND (STR(?in) AS ?l) } "
                + "?out skos:prefLabel|skos:altLabel|fz:fullName ?l . ?report fz:region ?out ; a fz:Report . }";

        @Override
        Request request(Map<String, Node> params, Lookups lookups) {
            for (String p : List.of("region_a", "region_b")) {
                if (ComplianceTables.plain(params.get(p)) == null) return Request.fallback(p + " is not a plain string");
            }
            return Request.of(List.of(NO_KEY));
        }

        List<Node> regions(Map<String, Node> params, String param, Lookups lookups) {
            return lookups.values(REGIONS, params.get(param));
        }

        /**
         * The query's rows from the two regions' practices: per program and theme, the pairs of an A
         * and a B row of different regions; a side's sentence is the least of its rows in those
         * pairs, and none when one of them has no sentence (MIN and the COUNTs of the query).
         */
        List<Binding> rows(List<Binding> a, List<Binding> b) {
            Map<List<Node>, List<Binding>[]> groups = new LinkedHashMap<>();
            for (int side = 0; side < 2; side++) {
                for (Binding r : side == 0 ? a : b) {
                    List<Node> key = List.of(r.get(Var.alloc("program")), r.get(Var.alloc("theme")));
                    @SuppressWarnings("unchecked")
                    List<Binding>[] g = groups.computeIfAbsent(key, k -> new List[] {new ArrayList<>(), new ArrayList<>()});
                    g[side].add(r);
                }
            }
            List<Binding> out = new ArrayList<>();
            Var region = Var.alloc("r");
            for (Map.Entry<List<Node>, List<Binding>[]> e : groups.entrySet()) {
                List<Binding> as = e.getValue()[0], bs = e.getValue()[1];
                String qa = least(as, bs, region), qb = least(bs, as, region);
                if (qa == null) continue;
                out.add(row("program", e.getKey().get(0), "theme", e.getKey().get(1),
                        "quote_a", qa.isEmpty() ? null : NodeFactory.createLiteralString(qa.substring(1)),
                        "quote_b", qb.isEmpty() ? null : NodeFactory.createLiteralString(qb.substring(1))));
            }
            out.sort((x, y) -> Arrays.compareUnsigned(SortKeys.key(order, x), SortKeys.key(order, y)));
            return out;
        }

        /**
         * Of the rows of one side that pair with a row of the other side in another region: null
         * when none does; "" when one of them has no sentence; else "=" and the least sentence.
         */
        private static String least(List<Binding> side, List<Binding> other, Var region) {
            boolean paired = false, allQuoted = true;
            String min = null;
            for (Binding r : side) {
                Node reg = r.get(region);
                boolean pairs = false;
                for (Binding o : other) {
                    if (!reg.equals(o.get(region))) {
                        pairs = true;
                        break;
                    }
                }
                if (!pairs) continue;
                paired = true;
                Node q = r.get(Var.alloc("quote"));
                if (q == null) allQuoted = false;
                else if (min == null || q.getLiteralLexicalForm().compareTo(min) < 0) min = q.getLiteralLexicalForm();
            }
            if (!paired) return null;
            return allQuoted ? "=" + min : "";
        }
    }
}
