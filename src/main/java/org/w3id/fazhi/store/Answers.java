package org.w3id.fazhi.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.rdf.Vocabularies;
import org.w3id.fazhi.util.ContentHash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The saved queries' answers as the store keeps them ({@link AnswerTables}, in {@link AnswerIndex}):
 * kept by every load in the write transaction that writes the reports, and read a page at a time,
 * so that a page of a saved query costs a lookup and the page, not the corpus.
 *
 * <p>Writing: {@link StoreWriter} hands every report it writes or removes to {@link #written} and
 * {@link #removed}, then calls {@link #beforeCommit} inside its transaction (the tables computed
 * across reports are computed then, with the store's own query engine) and {@link #afterCommit}
 * once TDB2 has committed. A store whose answers are not those of its reports (made before
 * there were answers, or left by a process stopped between the two commits) is told by
 * {@link #current()}; its next load rebuilds them ({@link #rebuild}).
 *
 * <p>Reading: {@link #answer} gives one page of a saved query for parameter values, or says why
 * the tables cannot (an unusual parameter, a snapshot the tables were not committed for), and the
 * query then runs as written.
 */
public final class Answers implements AutoCloseable {

    /** Set on a query's context: run it as written, never from the tables (the load computing them does). */
    public static final Symbol SCAN = Symbol.create("https://w3id.org/fazhi/ontology#scanOnly");
    /** Where a store's dataset context keeps its answers, for the query engine. */
    public static final Symbol SYMBOL = Symbol.create("https://w3id.org/fazhi/ontology#answers");

    /** What the tables are: the code's version of them and the bundled query texts. */
    static final String FINGERPRINT;

    static {
        StringBuilder all = new StringBuilder("answers 2\n");
        for (AnswerTable t : AnswerTables.ALL) all.append(t.name).append('\n').append(t.query).append('\n');
        all.append(AnswerTables.COVERAGE.query);
        FINGERPRINT = ContentHash.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    private final KnowledgeStore store;
    private final AnswerIndex index;
    private final Map<String, List<Node>> lookupCache = Lookups.newCache();
    private volatile long cachedVersion = Long.MIN_VALUE;
    private volatile boolean current;

    // ---- the load in progress
    private ReportView.Vocabulary vocabularies;
    private final Map<String, List<AnswerTables.Agencies.Base>> agencyBases = new LinkedHashMap<>();
    private final Set<Node> describedAgencies = new HashSet<>();
    private final Set<String> removedGraphs = new HashSet<>();
    private boolean changed;
    private boolean rebuilding;
    private String token;
    /** The rows written so far going into segments on a thread of their own, or null. */
    private java.util.concurrent.CompletableFuture<Void> flushing;

    private Answers(KnowledgeStore store, AnswerIndex index) {
        this.store = store;
        this.index = index;
    }

    /** Opens the answers of a store ({@code DIR/answers}); current when they were committed with its last load. */
    static Answers open(KnowledgeStore store) {
        Answers a = new Answers(store, new AnswerIndex(store.folder().resolve("answers")));
        a.checkCurrent();
        return a;
    }

    private void checkCurrent() {
        Map<String, String> committed = index.committed();
        String[] recorded = {null};
        long[] version = {0};
        org.apache.jena.system.Txn.executeRead(store.dataset(), () -> {
            Node meta = NodeFactory.createURI(store.graphs().meta());
            Node subject = NodeFactory.createURI(store.graphs().answers());
            store.tdb().find(meta, subject, FZ.contentHash.asNode(), Node.ANY).forEachRemaining(q -> recorded[0] = q.getObject().getLiteralLexicalForm());
            version[0] = dataVersion();
        });
        current = recorded[0] != null && recorded[0].equals(committed.get(AnswerIndex.TOKEN))
                && FINGERPRINT.equals(committed.get(AnswerIndex.FINGERPRINT));
        if (current) index.publish(version[0]);
    }

    /** Whether the answers are those of the store's reports (else the next load rebuilds them). */
    public boolean current() { return current; }

    /** The data version the calling thread's transaction reads. */
    private long dataVersion() {
        var txn = TDBInternal.getDatasetGraphTDB(store.tdb()).getTxnSystem().getThreadTransaction();
        if (txn == null) throw new IllegalStateException("not in a transaction");
        return txn.getDataVersion();
    }

    // ================================================================== writing

    /**
     * A load begins: the vocabularies its reports are read with, and whether the store is new (its
     * reports go in by the bulk loader, and every table is made whole at its end).
     */
    void startLoad(Vocabularies vocabularies, boolean fresh) {
        MultiUnion union = new MultiUnion();
        for (Vocabularies.Vocabulary v : vocabularies.graphs()) union.addGraph(v.graph());
        this.vocabularies = new ReportView.Vocabulary(union);
        clearLoad();
        this.fresh = fresh;
    }

    /** The load fills a new store: every key of the computed tables is computed. */
    private boolean fresh;

    private void clearLoad() {
        fresh = false;
        agencyBases.clear();
        describedAgencies.clear();
        removedGraphs.clear();
        changed = false;
        rebuilding = false;
    }

    /** A report graph about to be removed or replaced, as the store holds it; inside the write transaction. */
    void removed(String graphIri, Graph old) {
        index.deleteGraph(graphIri);
        agencyBases.remove(graphIri);
        removedGraphs.add(graphIri);
        collectAgencies(old);
        changed = true;
    }

    /** A report graph written: its rows in every table (the agencies' at {@link #beforeCommit}). */
    void written(String graphIri, Graph graph) {
        if (!removedGraphs.contains(graphIri)) index.deleteGraph(graphIri);
        removedGraphs.remove(graphIri);
        ReportView view = new ReportView(graphIri, graph, vocabularies);
        for (AnswerTable t : AnswerTables.ALL) {
            if (!(t instanceof AnswerTables.ReportRows rows) || rows.acrossReports()) continue;
            rows.rows(view, (key, row, text, distinct) -> add(t, key, graphIri, row, text, distinct));
        }
        agencyBases.put(graphIri, AnswerTables.Agencies.base(view));
        collectAgencies(graph);
        changed = true;
    }

    private void add(AnswerTable t, String key, String graph, Binding row, String text, List<String> distinct) {
        index.add(t.name, key, graph, t.sortKey(row), RowCodec.encode(t.stored, row), text, distinct, null);
    }

    private void collectAgencies(Graph g) {
        g.find(Node.ANY, FZ.mentionsAgency.asNode(), Node.ANY).forEachRemaining(t -> describedAgencies.add(t.getObject()));
        g.find(Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(), FZ.Agency.asNode()).forEachRemaining(t -> describedAgencies.add(t.getSubject()));
    }

    /**
     * Inside the load's write transaction, after its writes: the agencies' rows of the reports
     * written and of every report naming an agency they describe (with the names the whole store
     * gives), the computed tables' keys the load touched ({@code touched}: the indicators and years
     * of the reports it wrote or removed), and the token of this commit.
     */
    void beforeCommit(DatasetGraph dsg, Rollups.Touched touched) {
        if (!changed && !rebuilding) {
            // Nothing of the reports changed: the answers stay as committed.
            return;
        }
        agencies(dsg);
        Lookups lookups = new Lookups(dsg, Lookups.newCache());
        for (AnswerTable t : AnswerTables.ALL) {
            if (!(t instanceof AnswerTables.Computed c)) continue;
            Map<String, Map<String, Node>> keys = c.keys(lookups);
            Set<String> todo = rebuilding || fresh ? keys.keySet() : c.touched(touched.indicators(), touched.years(), keys.keySet());
            for (String key : todo) {
                Map<String, Node> params = keys.get(key);
                index.deleteKey(t.name, key);
                if (params == null) continue;
                for (Binding row : run(dsg, t.query, params)) add(t, key, null, row, null, null);
            }
        }
        token = UUID.randomUUID().toString();
        Node meta = NodeFactory.createURI(store.graphs().meta());
        Node subject = NodeFactory.createURI(store.graphs().answers());
        store.removeAbout(meta, subject);
        dsg.add(meta, subject, FZ.contentHash.asNode(), NodeFactory.createLiteralString(token));
        awaitFlush();
        index.prepare(token, FINGERPRINT);
    }

    /**
     * The reports' rows are all written: they go into segments on a thread of their own while the
     * store finishes its indexes, rather than in the commit after them.
     */
    void flushInBackground() {
        awaitFlush();
        flushing = java.util.concurrent.CompletableFuture.runAsync(index::flush, r -> {
            Thread t = new Thread(r, "fazhi-answers-flush");
            t.setDaemon(true);
            t.start();
        });
    }

    private void awaitFlush() {
        if (flushing == null) return;
        try {
            flushing.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            flushing = null;
        }
    }

    /** The agencies' rows: the written reports', and again those of reports naming an agency the changes describe. */
    private void agencies(DatasetGraph dsg) {
        AnswerTable table = AnswerTables.forQuery("agencies-for-program");
        Map<String, List<AnswerTables.Agencies.Base>> todo = new LinkedHashMap<>(agencyBases);
        if (!rebuilding) {
            Set<String> others = new LinkedHashSet<>();
            for (Node a : describedAgencies) {
                dsg.find(Node.ANY, Node.ANY, FZ.mentionsAgency.asNode(), a).forEachRemaining(q -> {
                    if (q.getGraph().isURI()) others.add(q.getGraph().getURI());
                });
            }
            for (String g : others) {
                if (todo.containsKey(g) || removedGraphs.contains(g)) continue;
                Graph copy = copy(dsg.getGraph(NodeFactory.createURI(g)));
                todo.put(g, AnswerTables.Agencies.base(new ReportView(g, copy, vocabularies)));
            }
        }
        AnswerTables.Agencies.Names names = AnswerTables.Agencies.names(dsg.getUnionGraph());
        for (Map.Entry<String, List<AnswerTables.Agencies.Base>> e : todo.entrySet()) {
            index.deleteGraph(table.name, e.getKey());
            AnswerTables.Agencies.expand(e.getValue(), names, (key, row, text, distinct) -> add(table, key, e.getKey(), row, text, distinct));
        }
    }

    /** After TDB2 committed the transaction whose data version was {@code version}: commit and publish for {@code version + 1}. */
    void afterCommit(long writeVersion) {
        if (token == null) return;
        index.commit();
        index.publish(writeVersion + 1);
        current = true;
        token = null;
        clearLoad();
    }

    /** The load's transaction was undone. */
    void abort() {
        try {
            awaitFlush();
        } catch (RuntimeException e) {
            // the rollback below drops what the flush wrote, or failed to
        }
        index.rollback();
        token = null;
        clearLoad();
    }

    /** Nothing of the load remains to do (a load that wrote nothing keeps the answers as they are). */
    void finishLoad() {
        clearLoad();
        vocabularies = null;
    }

    /**
     * Every table computed again from the store's reports; inside a write transaction. For a store
     * whose answers are not current, or whose vocabularies changed.
     */
    void rebuild(DatasetGraph dsg) {
        index.deleteAll();
        rebuilding = true;
        agencyBases.clear();
        Node meta = NodeFactory.createURI(store.graphs().meta());
        String prefix = store.graphs().base() + "graph/report/";
        List<String> graphs = new ArrayList<>();
        dsg.find(meta, Node.ANY, FZ.contentHash.asNode(), Node.ANY).forEachRemaining(q -> {
            if (q.getSubject().isURI() && q.getSubject().getURI().startsWith(prefix)) graphs.add(q.getSubject().getURI());
        });
        for (String g : graphs) {
            Graph copy = copy(dsg.getGraph(NodeFactory.createURI(g)));
            ReportView view = new ReportView(g, copy, vocabularies);
            for (AnswerTable t : AnswerTables.ALL) {
                if (!(t instanceof AnswerTables.ReportRows rows) || rows.acrossReports()) continue;
                rows.rows(view, (key, row, text, distinct) -> add(t, key, g, row, text, distinct));
            }
            agencyBases.put(g, AnswerTables.Agencies.base(view));
        }
        changed = true;
    }

    /** The next load rebuilds the tables (the vocabularies changed, or they are not current). */
    boolean needsRebuild() { return !current; }

    /** The rebuild is part of the coming commit. */
    void rebuildNext() {
        rebuilding = true;
        changed = true;
    }

    private static Graph copy(Graph g) {
        Graph copy = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(copy::add);
        return copy;
    }

    /** A saved query's rows, run as written with its parameters bound, past the tables. */
    static List<Binding> run(DatasetGraph dsg, Query query, Map<String, Node> params) {
        Map<Var, Node> substitution = new LinkedHashMap<>();
        params.forEach((k, v) -> substitution.put(Var.alloc(k), v));
        Query bound = substitution.isEmpty() ? query : QueryTransformOps.transform(query, substitution);
        List<Binding> out = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(dsg).query(bound).set(SCAN, true).build()) {
            exec.select().forEachRemaining(out::add);
        }
        return out;
    }

    // ================================================================== reading

    /** What {@link #answer} gives: a page of rows, or why it could not (then the query runs as written). */
    public record Outcome(List<Var> vars, List<Binding> rows, String fallback) {
        public boolean answered() { return fallback == null; }

        static Outcome fallback(String why) { return new Outcome(List.of(), List.of(), why); }
    }

    /** Whether a saved query of this name has a table. */
    public static boolean answers(String savedQuery) {
        return AnswerTables.forQuery(savedQuery) != null;
    }

    /** Every saved query with a table. */
    public static List<String> tables() {
        List<String> out = new ArrayList<>();
        for (AnswerTable t : AnswerTables.ALL) if (!AnswerTables.internal(t)) out.add(t.name);
        out.add(AnswerTables.COVERAGE.name);
        out.add(AnswerTables.PAIR.name);
        return out;
    }

    /**
     * One page of a saved query's rows for the parameter values (all of them bound), as its text
     * bundled in the jar would give them; {@code limit} negative for every row. Inside a read
     * transaction on the store.
     */
    public Outcome answer(String savedQuery, Map<String, Node> params, long offset, long limit) {
        Outcome o = page(savedQuery, params, offset, limit);
        (o.answered() ? answeredCount : scannedCount).incrementAndGet();
        return o;
    }

    private final java.util.concurrent.atomic.AtomicLong answeredCount = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong scannedCount = new java.util.concurrent.atomic.AtomicLong();

    /** How many saved queries were answered from the tables, and how many ran as written, since the store opened. */
    public long[] counts() { return new long[] {answeredCount.get(), scannedCount.get()}; }

    private Outcome page(String savedQuery, Map<String, Node> params, long offset, long limit) {
        AnswerTable table = AnswerTables.forQuery(savedQuery);
        if (table == null) return Outcome.fallback("no table keeps the answers of " + savedQuery);
        if (!current) return Outcome.fallback("the answers are not those of the store's reports until the next load");
        long version;
        try {
            version = dataVersion();
        } catch (IllegalStateException e) {
            return Outcome.fallback("not in a read transaction");
        }
        DirectoryReader reader = index.acquire(version);
        if (reader == null) return Outcome.fallback("the store was written since its answers were made");
        try {
            if (cachedVersion != version) {
                lookupCache.clear();
                practising.clear();
                cachedVersion = version;
            }
            Lookups lookups = new Lookups(store.dataset().asDatasetGraph(), lookupCache, version);
            AnswerTable.Request request = table.request(params, lookups);
            if (!request.answers()) return Outcome.fallback(request.fallback());
            IndexSearcher searcher = new IndexSearcher(reader);
            if (table instanceof AnswerTables.Coverage) return coverage(searcher, table, offset, limit);
            if (table instanceof RegionPairTables.Pair pair) return regionPair(searcher, pair, params, lookups, offset, limit);
            List<Binding> rows = page(searcher, table, request, offset, limit);
            if (table instanceof AnswerTables.ProblemsByKeyword) rows = withRegions(searcher, table, request, rows);
            if (table instanceof AnswerTables.PlannedNotPractised) rows = planned(rows, version);
            return new Outcome(table.projected, project(rows, table.projected), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(reader);
        }
    }

    private static List<Binding> project(List<Binding> rows, List<Var> vars) {
        List<Binding> out = new ArrayList<>(rows.size());
        for (Binding b : rows) {
            BindingBuilder p = Binding.builder();
            for (Var v : vars) {
                Node n = b.get(v);
                if (n != null) p.add(v, n);
            }
            out.add(p.build());
        }
        return out;
    }

    private org.apache.lucene.search.Query luceneQuery(AnswerTable table, List<String> keys, String keyword) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (keys.size() == 1) {
            b.add(new TermQuery(new Term(AnswerIndex.TABLE_KEY, table.name + '\u0000' + keys.get(0))), BooleanClause.Occur.FILTER);
        } else {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String k : keys) any.add(new TermQuery(new Term(AnswerIndex.TABLE_KEY, table.name + '\u0000' + k)), BooleanClause.Occur.SHOULD);
            b.add(any.build(), BooleanClause.Occur.FILTER);
        }
        if (keyword != null) b.add(phrase(keyword), BooleanClause.Occur.FILTER);
        return b.build();
    }

    private static final Analyzer ANALYZER = TextAnalyzer.DEFAULT.create();

    /** The keyword as the index holds text: a phrase of its character pairs. */
    static org.apache.lucene.search.Query phrase(String keyword) {
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        try (TokenStream ts = ANALYZER.tokenStream(AnswerIndex.TEXT, keyword)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                b.add(new Term(AnswerIndex.TEXT, term.toString()), pos);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.build();
    }

    private static final Sort ORDER = new Sort(new SortField(AnswerIndex.SORT, SortField.Type.STRING));

    /** The rows of a request from {@code offset}, at most {@code limit} (all when negative), in the table's order. */
    private List<Binding> page(IndexSearcher searcher, AnswerTable table, AnswerTable.Request request, long offset, long limit) throws IOException {
        long wanted = limit < 0 ? Long.MAX_VALUE : offset + limit;
        Var atLeastVar = request.atLeastColumn() == null ? null : Var.alloc(request.atLeastColumn());
        var stored = new AnswerIndex.Rows(searcher);
        // Each key's hits in order, then merged by their place in the query's order.
        List<List<org.apache.lucene.search.FieldDoc>> perKey = new ArrayList<>();
        List<Integer> prefixes = new ArrayList<>();
        int[] totals = new int[request.keys().size()];
        int n = (int) Math.max(1, Math.min(wanted, 1 << 16));
        while (true) {
            perKey.clear();
            prefixes.clear();
            boolean more = false;
            for (int k = 0; k < request.keys().size(); k++) {
                String key = request.keys().get(k);
                org.apache.lucene.search.Query q = luceneQuery(table, List.of(key), request.keyword());
                if (totals[k] == 0) totals[k] = searcher.count(q);
                int take = Math.min(n, totals[k]);
                List<org.apache.lucene.search.FieldDoc> hits = new ArrayList<>();
                if (take > 0) {
                    for (ScoreDoc sd : searcher.search(q, take, ORDER).scoreDocs) hits.add((org.apache.lucene.search.FieldDoc) sd);
                }
                more |= take < totals[k];
                perKey.add(hits);
                prefixes.add(AnswerIndex.prefix(table.name, key).length);
            }
            List<org.apache.lucene.search.FieldDoc> merged = merge(perKey, prefixes);
            List<Binding> out = new ArrayList<>();
            long skipped = 0;
            Binding previous = null;
            boolean cut = false;
            for (org.apache.lucene.search.FieldDoc fd : merged) {
                BytesRef bytes = stored.row(fd.doc);
                Binding row = RowCodec.decode(table.stored, bytes.bytes, bytes.offset, bytes.length);
                if (atLeastVar != null) {
                    Node v = row.get(atLeastVar);
                    if (v == null || org.apache.jena.sparql.expr.NodeValue.makeNode(v).getDecimal().compareTo(request.atLeast()) < 0) {
                        cut = true;
                        break;
                    }
                }
                if (table.distinct() && previous != null && sameProjection(table, previous, row)) continue;
                previous = row;
                if (skipped < offset) {
                    skipped++;
                    continue;
                }
                if (out.size() >= wanted - offset) break;
                out.add(row);
            }
            if (cut || !more || out.size() >= wanted - offset) return out;
            n = (int) Math.min(Integer.MAX_VALUE / 2, (long) n * 4);
        }
    }

    /** Hits of several keys in one order: by their sort values past each key's prefix. */
    private static List<org.apache.lucene.search.FieldDoc> merge(List<List<org.apache.lucene.search.FieldDoc>> perKey, List<Integer> prefixes) {
        if (perKey.size() == 1) return perKey.get(0);
        List<org.apache.lucene.search.FieldDoc> all = new ArrayList<>();
        List<Integer> prefix = new ArrayList<>();
        for (int k = 0; k < perKey.size(); k++) {
            for (org.apache.lucene.search.FieldDoc fd : perKey.get(k)) {
                all.add(fd);
                prefix.add(prefixes.get(k));
            }
        }
        Integer[] order = new Integer[all.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> {
            BytesRef x = (BytesRef) all.get(a).fields[0], y = (BytesRef) all.get(b).fields[0];
            int px = prefix.get(a), py = prefix.get(b);
            return java.util.Arrays.compareUnsigned(x.bytes, x.offset + px, x.offset + x.length, y.bytes, y.offset + py, y.offset + y.length);
        });
        List<org.apache.lucene.search.FieldDoc> out = new ArrayList<>(order.length);
        for (Integer i : order) out.add(all.get(i));
        return out;
    }

    private static boolean sameProjection(AnswerTable table, Binding a, Binding b) {
        for (Var v : table.projected) {
            if (!java.util.Objects.equals(a.get(v), b.get(v))) return false;
        }
        return true;
    }

    /** problems-by-keyword's count: the regions of every matching sentence, with or without a row. */
    private List<Binding> withRegions(IndexSearcher searcher, AnswerTable table, AnswerTable.Request request, List<Binding> rows) throws IOException {
        org.apache.lucene.search.Query q = luceneQuery(table, List.of(AnswerTable.NO_KEY, AnswerTables.ProblemsByKeyword.COUNT_ONLY), request.keyword());
        Set<BytesRef> regions = new HashSet<>();
        searcher.search(q, new SimpleCollector() {
            private SortedSetDocValues values;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                values = context.reader().getSortedSetDocValues(AnswerIndex.DISTINCT);
            }

            @Override
            public void collect(int doc) throws IOException {
                if (values == null || !values.advanceExact(doc)) return;
                for (int i = 0; i < values.docValueCount(); i++) regions.add(BytesRef.deepCopyOf(values.lookupOrd(values.nextOrd())));
            }

            @Override
            public ScoreMode scoreMode() { return ScoreMode.COMPLETE_NO_SCORES; }
        });
        Node count = NodeFactory.createLiteralDT(Integer.toString(regions.size()), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger);
        List<Binding> out = new ArrayList<>(rows.size());
        for (Binding b : rows) out.add(BindingBuilder.create(b).add(Var.alloc("regions"), count).build());
        return out;
    }

    // ---- planned-not-practised: the columns that change with other reports

    private static final Pattern FIRST11 = Pattern.compile("^((?:[^、]*、){10}[^、]*)、.*$");
    private static final Pattern EDGES = Pattern.compile("^、+|、+$");
    private static final Pattern FIRST10 = Pattern.compile("^((?:[^、]*、){9}[^、]*)、.*$");

    /**
     * The page's rows with practised_elsewhere and regions_elsewhere, as the query's end makes them:
     * the program's rollup row (how many regions practise it, their names), less the planner's own
     * region when another of its reports practises the program.
     */
    private List<Binding> planned(List<Binding> rows, long version) {
        DatasetGraph dsg = store.dataset().asDatasetGraph();
        List<Binding> out = new ArrayList<>(rows.size());
        Map<List<Node>, Boolean> selfs = new java.util.HashMap<>();
        for (Binding b : rows) {
            Node p = b.get(Var.alloc("p")), r = b.get(Var.alloc("r"));
            Practising pr = practising.computeIfAbsent(List.of(version, p), k -> practising(dsg, p));
            int self = selfs.computeIfAbsent(List.of(r, p), k -> practisesElsewhere(dsg, r, p)) ? 1 : 0;
            BigDecimal elsewhere = (pr.count() == null ? BigDecimal.ZERO : pr.count()).subtract(BigDecimal.valueOf(self));
            String region = b.get(Var.alloc("region")).getLiteralLexicalForm();
            String wrapped = "、" + (pr.first11() == null ? "" : pr.first11()) + "、";
            String me = "、" + region + "、";
            int at = wrapped.indexOf(me);
            String others = at >= 0 ? wrapped.substring(0, at) + "、" + wrapped.substring(at + me.length()) : wrapped;
            String cut = FIRST10.matcher(EDGES.matcher(others).replaceAll("")).replaceAll("$1");
            out.add(BindingBuilder.create(b)
                    .add(Var.alloc("practised_elsewhere"), NodeFactory.createLiteralString(cut))
                    .add(Var.alloc("regions_elsewhere"), NodeFactory.createLiteralDT(elsewhere.toPlainString(),
                            org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger))
                    .build());
        }
        return out;
    }

    /** A program's rollup row as planned-not-practised reads it: how many regions practise it, the first eleven names. */
    private record Practising(BigDecimal count, String first11) {}

    /** Per program, for the data version {@link #cachedVersion}: the names list is long (every region) and read once. */
    private final Map<List<Object>, Practising> practising = new java.util.concurrent.ConcurrentHashMap<>();

    private Practising practising(DatasetGraph dsg, Node p) {
        Node rollups = NodeFactory.createURI(store.graphs().rollups());
        BigDecimal count = null;
        String all = null;
        var it = dsg.find(rollups, Node.ANY, FZ.rollupOf.asNode(), p);
        while (it.hasNext()) {
            Node row = it.next().getSubject();
            if (!dsg.contains(rollups, row, org.apache.jena.vocabulary.RDF.type.asNode(), FZ.ProgramRollup.asNode())) continue;
            var c = dsg.find(rollups, row, FZ.practisingRegionCount.asNode(), Node.ANY);
            var n = dsg.find(rollups, row, FZ.practisingRegionNames.asNode(), Node.ANY);
            if (c.hasNext() && n.hasNext()) {
                count = org.apache.jena.sparql.expr.NodeValue.makeNode(c.next().getObject()).getDecimal();
                all = n.next().getObject().getLiteralLexicalForm();
            }
        }
        return new Practising(count, all == null ? null : FIRST11.matcher(all).replaceAll("$1"));
    }

    /** {@code EXISTS { ?own fz:region ?r ; fz:practices ?p }}: some report of the region practises the program. */
    private static boolean practisesElsewhere(DatasetGraph dsg, Node r, Node p) {
        var it = dsg.find(Node.ANY, Node.ANY, FZ.region.asNode(), r);
        while (it.hasNext()) {
            Node own = it.next().getSubject();
            if (dsg.find(Node.ANY, own, FZ.practices.asNode(), p).hasNext()) return true;
        }
        return false;
    }

    // ---- indicator-coverage: made a page at a time

    /** region-pair-shared: the two regions' practices, read whole (a region's are few), grouped as the query groups them. */
    private Outcome regionPair(IndexSearcher searcher, RegionPairTables.Pair pair, Map<String, Node> params, Lookups lookups,
                               long offset, long limit) throws IOException {
        AnswerTable practices = AnswerTables.PRACTICES;
        List<List<Binding>> sides = new ArrayList<>();
        for (String p : List.of("region_a", "region_b")) {
            List<String> keys = new ArrayList<>();
            for (Node r : pair.regions(params, p, lookups)) if (r.isURI()) keys.add(r.getURI());
            sides.add(keys.isEmpty() ? List.of() : page(searcher, practices, AnswerTable.Request.of(keys), 0, -1));
        }
        List<Binding> rows = pair.rows(sides.get(0), sides.get(1));
        int from = (int) Math.min(offset, rows.size());
        int to = limit < 0 ? rows.size() : (int) Math.min(rows.size(), from + Math.min(limit, rows.size()));
        return new Outcome(pair.projected, project(rows.subList(from, to), pair.projected), null);
    }

    /**
     * The reports in order of region and year, a group of equal ones at a time; for each, the
     * indicators with a rollup row that its reports do not give, in the query's order.
     */
    private Outcome coverage(IndexSearcher searcher, AnswerTable table, long offset, long limit) throws IOException {
        AnswerTable reports = AnswerTables.REPORT_ORDER;
        List<Binding> indicators = AnswerTables.Coverage.indicators(store.dataset().asDatasetGraph());
        org.apache.lucene.search.Query q = new TermQuery(new Term(AnswerIndex.TABLE_KEY, reports.name + '\u0000' + AnswerTable.NO_KEY));
        int total = searcher.count(q);
        List<Binding> out = new ArrayList<>();
        long skipped = 0;
        long wanted = limit < 0 ? Long.MAX_VALUE : limit;
        int batch = 64;
        ScoreDoc after = null;
        List<Binding> group = new ArrayList<>();
        byte[] groupKey = null;
        var stored = new AnswerIndex.Rows(searcher);
        int read = 0;
        outer:
        while (read < total) {
            org.apache.lucene.search.TopDocs top = after == null ? searcher.search(q, batch, ORDER) : searcher.searchAfter(after, q, batch, ORDER);
            if (top.scoreDocs.length == 0) break;
            for (ScoreDoc sd : top.scoreDocs) {
                read++;
                after = sd;
                BytesRef bytes = stored.row(sd.doc);
                Binding report = RowCodec.decode(reports.stored, bytes.bytes, bytes.offset, bytes.length);
                byte[] key = SortKeys.key(reports.order, report);
                if (groupKey != null && !java.util.Arrays.equals(key, groupKey)) {
                    long[] state = {skipped};
                    if (emitGroup(table, group, indicators, offset, wanted, state, out)) break outer;
                    skipped = state[0];
                    group.clear();
                }
                groupKey = key;
                group.add(report);
            }
            batch = Math.min(batch * 2, 4096);
        }
        if (!group.isEmpty() && out.size() < wanted) {
            long[] state = {skipped};
            emitGroup(table, group, indicators, offset, wanted, state, out);
        }
        return new Outcome(table.projected, out, null);
    }

    /** The rows of one group of reports with the same region and year; true when the page is full. */
    private boolean emitGroup(AnswerTable table, List<Binding> group, List<Binding> indicators,
                              long offset, long wanted, long[] skipped, List<Binding> out) {
        List<Binding> rows = new ArrayList<>();
        for (Binding report : group) {
            Node g = report.get(Var.alloc("given"));
            Set<String> given = new HashSet<>(g == null ? List.of() : List.of(g.getLiteralLexicalForm().split(" ")));
            for (Binding i : indicators) {
                if (given.contains(i.get(Var.alloc("i")).getURI())) continue;
                rows.add(AnswerTables.row("region", report.get(Var.alloc("region")), "year", report.get(Var.alloc("year")),
                        "indicator", i.get(Var.alloc("indicator")), "code", i.get(Var.alloc("code")),
                        "reported_by", i.get(Var.alloc("reported_by"))));
            }
        }
        rows.sort((a, b) -> java.util.Arrays.compareUnsigned(SortKeys.key(table.order, a), SortKeys.key(table.order, b)));
        for (Binding r : rows) {
            if (skipped[0] < offset) {
                skipped[0]++;
                continue;
            }
            out.add(r);
            if (out.size() >= wanted) return true;
        }
        return false;
    }

    @Override
    public void close() {
        index.close();
    }
}
