package org.w3id.fazhi.query;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.system.Txn;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs saved queries against a local dataset or a remote SPARQL endpoint.
 *
 * <pre>{@code
 * QueryRunner local = QueryRunner.builder().dataset(QueryDatasets.openTdb2(Path.of("store"))).build();
 * QueryRunner remote = QueryRunner.builder().endpoint("http://localhost:3030/fazhi/sparql").build();
 * QueryResult r = local.run(SavedQueries.load().get("regions-practising-program"), Map.of("program", "枫桥经验"));
 * }</pre>
 *
 * <p>Parameters are never pasted into the query text. The query is parsed once as written, and each
 * parameter variable {@code ?NAME} is then replaced in the syntax tree by a typed literal
 * ({@link QueryTransformOps#transform(Query, Map)}); a value holding {@code "}, {@code }}, a newline or
 * anything that looks like SPARQL stays one literal and cannot change the query's shape.
 */
public final class QueryRunner {

    static {
        // A store's saved queries answer from its answer tables.
        AnswerEngine.register();
    }

    private final Dataset dataset;
    private final String endpoint;
    private final Duration timeout;
    private final boolean scan;

    private QueryRunner(Dataset dataset, String endpoint, Duration timeout, boolean scan) {
        this.dataset = dataset;
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.scan = scan;
    }

    public static Builder builder() { return new Builder(); }

    /** The endpoint URL, or null when the runner reads a local dataset. */
    public String endpoint() { return endpoint; }

    /**
     * The query with its parameters bound: defaults, overridden by {@code values}. An unknown
     * parameter or a value that is not of the parameter's type is a {@link QueryException}.
     */
    public static Query bind(SavedQuery saved, Map<String, String> values) {
        Map<String, String> resolved = saved.resolve(values);
        Query query = parse(saved);
        Map<Var, Node> substitution = new HashMap<>();
        for (SavedQuery.Param p : saved.params()) {
            substitution.put(Var.alloc(p.name()), literal(saved, p, resolved.get(p.name())));
        }
        if (substitution.isEmpty()) return query;
        Query bound = QueryTransformOps.transform(query, substitution);
        bound.setPrefixMapping(query.getPrefixMapping());
        return bound;
    }

    /** The query as written, parsed; a saved query that does not parse is a {@link QueryException}. */
    public static Query parse(SavedQuery saved) {
        try {
            Query q = QueryFactory.create(saved.sparql());
            if (!q.isSelectType()) throw new QueryException("query '" + saved.name() + "' is not a SELECT query");
            return q;
        } catch (QueryParseException e) {
            throw new QueryException("query '" + saved.name() + "' does not parse: " + e.getMessage(), e);
        }
    }

    /** A parameter value as the typed literal it is bound as. */
    static Node literal(SavedQuery saved, SavedQuery.Param p, String value) {
        Objects.requireNonNull(value, p.name());
        try {
            SavedQuery.checkValue(p.type(), value);
        } catch (IllegalArgumentException e) {
            throw new QueryException("parameter '" + p.name() + "' of query '" + saved.name() + "': " + e.getMessage());
        }
        return switch (p.type()) {
            case STRING -> NodeFactory.createLiteralString(value);
            case INTEGER -> NodeFactory.createLiteralDT(new java.math.BigInteger(value.strip().replaceFirst("^\\+", "")).toString(),
                    XSDDatatype.XSDinteger);
            case DECIMAL -> NodeFactory.createLiteralDT(new BigDecimal(value.strip()).toPlainString(), XSDDatatype.XSDdecimal);
        };
    }

    /**
     * A page of a query's rows: {@code limit} rows after the first {@code offset}. A question whose
     * answer has thousands of rows (the regions practising a popular program) is read a page at a
     * time, not all at once.
     */
    public record Page(long offset, long limit) {
        /** The largest page one request may ask for. */
        public static final long MAX_LIMIT = 10_000;

        public Page {
            if (offset < 0) throw new QueryException("offset must not be negative: " + offset);
            if (limit < 1 || limit > MAX_LIMIT) throw new QueryException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }

        /** The page after this one. */
        public Page next() { return new Page(offset + limit, limit); }
    }

    /** Runs a saved query with its parameters (defaults for those not given). */
    public QueryResult run(SavedQuery saved, Map<String, String> values) {
        return run(saved, values, null);
    }

    /** Runs a saved query for one page of its rows (all of them when {@code page} is null). */
    public QueryResult run(SavedQuery saved, Map<String, String> values, Page page) {
        Map<String, String> resolved = saved.resolve(values);
        Query query = bind(saved, values);
        if (page != null) {
            // One row more than asked for tells whether another page follows.
            query.setOffset(page.offset());
            query.setLimit(page.limit() + 1);
        }
        long start = System.nanoTime();
        List<String> vars = new ArrayList<>();
        List<Binding> rows = new ArrayList<>();
        Runnable exec = () -> {
            try (QueryExecution qe = execution(query)) {
                ResultSet rs = qe.execSelect();
                vars.addAll(rs.getResultVars());
                // Copy each row inside the transaction: a store's rows may read their terms lazily.
                while (rs.hasNext()) rows.add(materialize(rs.nextBinding()));
            }
        };
        try {
            if (dataset != null && dataset.supportsTransactions() && !dataset.isInTransaction()) Txn.executeRead(dataset, exec);
            else exec.run();
        } catch (QueryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new QueryException("query '" + saved.name() + "' failed"
                    + (endpoint != null ? " at " + endpoint : "") + ": " + e.getMessage(), e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        boolean more = page != null && rows.size() > page.limit();
        if (more) rows.subList((int) page.limit(), rows.size()).clear();
        return new QueryResult(saved, resolved, query.serialize(), vars, rows, query.getPrefixMapping(), elapsed, page, more);
    }

    private static Binding materialize(Binding b) {
        BindingBuilder builder = Binding.builder();
        b.vars().forEachRemaining(v -> {
            Node n = b.get(v);
            if (n != null) builder.add(v, n);
        });
        return builder.build();
    }

    private QueryExecution execution(Query query) {
        if (dataset != null) {
            var b = QueryExecution.dataset(dataset).query(query);
            if (scan) b = b.set(org.w3id.fazhi.store.Answers.SCAN, true);
            if (timeout != null) b = b.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return b.build();
        }
        // A long query is POSTed as an HTML form, which every SPARQL endpoint reads (Virtuoso 7.2
        // never answers a POST of application/sparql-query, Jena's default); short ones stay GETs,
        // which HTTP caches can keep.
        var b = QueryExecution.service(endpoint).query(query).sendMode(QuerySendMode.asGetWithLimitForm);
        if (timeout != null) b = b.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return b.build();
    }

    /** Where queries run: a dataset or an endpoint, one of them. */
    public static final class Builder {
        private Dataset dataset;
        private String endpoint;
        private Duration timeout;
        private boolean scan;

        /**
         * Run every query as written, never from a store's answer tables (default: a saved query
         * on a store answers from its tables when it can). For comparisons and measurements.
         */
        public Builder scan(boolean scan) {
            this.scan = scan;
            return this;
        }

        /** A local dataset; its default graph should be the union of the report and vocabulary graphs. */
        public Builder dataset(Dataset dataset) {
            this.dataset = dataset;
            return this;
        }

        /** A SPARQL endpoint URL (the query service of our server, or any store with the same data). */
        public Builder endpoint(String url) {
            this.endpoint = url;
            return this;
        }

        /** Give up after this long (none by default). */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public QueryRunner build() {
            if ((dataset == null) == (endpoint == null)) {
                throw new IllegalStateException("give a dataset or an endpoint, one of them");
            }
            return new QueryRunner(dataset, endpoint, timeout, scan);
        }
    }
}
