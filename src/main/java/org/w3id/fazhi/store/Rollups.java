package org.w3id.fazhi.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.util.ContentHash;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The cross-report aggregates the saved queries read instead of grouping every fact: per program
 * the regions that practise it, per theme its practised programs and regions, per indicator the
 * reports that give a number for it, per pair of programs the measures that name both. Each kind is
 * one SPARQL CONSTRUCT ({@code fazhi/rollups/*.rq}), so the same definition serves the store, a
 * remote endpoint ({@link GraphStorePusher}) and the test that compares the rollups with the facts.
 *
 * <p>They live in a graph of their own ({@link StoreGraphs#rollups()}), kept by every load: the
 * rows a changed report touches (its programs, themes and indicators, before and after the change)
 * are deleted and computed again in the transaction that writes the report, so no reader sees the
 * reports and their rollups disagree. A scoped run binds the key with a {@code VALUES} block at
 * the {@code #KEYS#} line of the definition, where the store looks those keys up by index.
 */
public final class Rollups {

    /** The kinds of row, each with its definition, its row class and the variable its key binds. */
    enum Kind {
        PROGRAMS("programs.rq", FZ.ProgramRollup.asNode(), "p"),
        THEMES("themes.rq", FZ.ThemeRollup.asNode(), "t"),
        INDICATORS("indicators.rq", FZ.IndicatorRollup.asNode(), "i"),
        PROGRAM_PAIRS("program-pairs.rq", FZ.ProgramPairRollup.asNode(), "k");

        final String file;
        final Node rowClass;
        final String keyVariable;
        final String text;

        Kind(String file, Node rowClass, String keyVariable) {
            this.file = file;
            this.rowClass = rowClass;
            this.keyVariable = keyVariable;
            this.text = read(file);
        }

        /** The definition, over every key or over the given keys only. */
        Query query(Collection<Node> keys) {
            if (keys == null) return QueryFactory.create(text);
            String values = keys.stream().map(k -> "<" + k.getURI() + ">").collect(Collectors.joining(" ",
                    "VALUES ?" + keyVariable + " { ", " }"));
            return QueryFactory.create(text.replace(MARK, values));
        }
    }

    private static final String MARK = "#KEYS#";

    /** A hash of every definition: a store whose rollups were made by others rebuilds them. */
    public static final String FINGERPRINT;

    static {
        StringBuilder all = new StringBuilder();
        for (Kind k : Kind.values()) {
            if (!k.text.contains(MARK)) throw new IllegalStateException("rollup " + k.file + " has no " + MARK + " line");
            all.append(k.file).append('\n').append(k.text);
        }
        FINGERPRINT = ContentHash.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Rollups() {}

    private static String read(String file) {
        String path = "fazhi/rollups/" + file;
        try (InputStream in = Rollups.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    /**
     * Every rollup row, computed by running each definition through {@code exec} (over a local
     * dataset or a remote endpoint's union graph).
     */
    public static Graph compute(Function<Query, QueryExec> exec) {
        Graph all = GraphFactory.createDefaultGraph();
        for (Kind k : Kind.values()) {
            try (QueryExec q = exec.apply(k.query(null))) {
                q.constructTriples().forEachRemaining(t -> all.add(canonical(t)));
            }
        }
        return all;
    }

    /** Replaces the rollups graph with rows computed from every report; inside a write transaction. */
    static void rebuild(DatasetGraph dsg, Node graph) {
        dsg.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
        Graph rows = compute(q -> QueryExec.dataset(dsg).query(q).build());
        rows.find().forEachRemaining(t -> dsg.add(graph, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    /**
     * Computes again the rows the touched keys decide; inside the write transaction that changed
     * the reports (after the change).
     */
    static void refresh(DatasetGraph dsg, Node graph, Touched touched) {
        for (Kind k : Kind.values()) {
            Set<Node> keys = touched.keys(k, dsg);
            if (keys.isEmpty()) continue;
            for (Node key : keys) {
                List<Node> rows = new ArrayList<>();
                dsg.find(graph, Node.ANY, FZ.rollupOf.asNode(), key).forEachRemaining(q -> {
                    if (dsg.contains(graph, q.getSubject(), RDF.type.asNode(), k.rowClass)) rows.add(q.getSubject());
                });
                rows.forEach(row -> dsg.deleteAny(graph, row, Node.ANY, Node.ANY));
            }
            try (QueryExec q = QueryExec.dataset(dsg).query(k.query(keys)).build()) {
                q.constructTriples().forEachRemaining(t -> {
                    Triple c = canonical(t);
                    dsg.add(graph, c.getSubject(), c.getPredicate(), c.getObject());
                });
            }
        }
    }

    /**
     * A row as every engine writes it: SPARQL leaves the order of GROUP_CONCAT open (Jena keeps
     * the subquery's order, others need not), so the definition lists names a line each and they
     * are put in order and joined with 、 here.
     */
    static Triple canonical(Triple t) {
        if (!t.getPredicate().equals(FZ.practisingRegionNames.asNode()) || !t.getObject().isLiteral()) return t;
        String sorted = t.getObject().getLiteralLexicalForm().lines().sorted().collect(Collectors.joining("、"));
        return Triple.create(t.getSubject(), t.getPredicate(), org.apache.jena.graph.NodeFactory.createLiteralString(sorted));
    }

    /**
     * What changed report graphs touch: the programs they practise, the programs their measures
     * name, the indicators they observe and the years they report on. Gathered from a report graph
     * before it is replaced or removed and from the graph that takes its place; the answer tables
     * computed across reports read it too.
     */
    static final class Touched {
        private final Set<Node> practised = new LinkedHashSet<>();
        private final Set<Node> named = new LinkedHashSet<>();
        private final Set<Node> indicators = new LinkedHashSet<>();
        private final Set<String> years = new LinkedHashSet<>();

        void add(Graph report) {
            collect(report, FZ.practices.asNode(), practised);
            collect(report, FZ.mentionsProgram.asNode(), named);
            collect(report, FZ.indicator.asNode(), indicators);
            report.find(Node.ANY, FZ.year.asNode(), Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isLiteral()) years.add(t.getObject().getLiteralLexicalForm());
            });
        }

        /** A stored named graph's keys; inside a transaction. */
        void add(DatasetGraph dsg, Node graph) {
            add(dsg.getGraph(graph));
        }

        /** The indicators the changed reports observe (before and after). */
        Set<Node> indicators() { return indicators; }

        /** The years (as text) the changed reports report on (before and after). */
        Set<String> years() { return years; }

        void clear() {
            practised.clear();
            named.clear();
            indicators.clear();
            years.clear();
        }

        private static void collect(Graph g, Node predicate, Set<Node> into) {
            g.find(Node.ANY, predicate, Node.ANY).forEachRemaining((Triple t) -> {
                if (t.getObject().isURI()) into.add(t.getObject());
            });
        }

        Set<Node> keys(Kind kind, DatasetGraph dsg) {
            return switch (kind) {
                case PROGRAMS -> practised;
                case PROGRAM_PAIRS -> named;
                case INDICATORS -> indicators;
                case THEMES -> {
                    // A theme's rows change with any of its programs' practice.
                    Set<Node> themes = new LinkedHashSet<>();
                    for (Node p : practised) {
                        dsg.find(Node.ANY, p, FZ.theme.asNode(), Node.ANY).forEachRemaining(q -> {
                            if (q.getObject().isURI()) themes.add(q.getObject());
                        });
                    }
                    yield themes;
                }
            };
        }
    }
}
