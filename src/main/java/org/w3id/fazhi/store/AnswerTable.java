package org.w3id.fazhi.store;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One saved query's answers as the store keeps them: its rows, each under the key its parameter
 * picks (a program, an indicator, a theme; none for a query without one), in the query's order.
 * The subclasses say where the rows come from ({@link AnswerTables}); this class holds what they
 * share: the saved query (its text bundled in the jar, {@code fazhi/queries/NAME.rq}), the
 * variables a stored row holds, and the row's sort key.
 */
abstract class AnswerTable {

    /** The saved query's name, which is the table's. */
    final String name;
    /** The saved query as bundled, parsed: its projection, DISTINCT and ORDER BY decide the rows. */
    final Query query;
    /** The projected variables, then any the order or the completion of a row needs. */
    final List<Var> stored;
    final List<Var> projected;
    final List<SortCondition> order;

    AnswerTable(String name, String... extras) {
        this(name, QueryFactory.create(text(name)), extras);
    }

    /** A table whose rows and order another query describes (a table the saved query is made from). */
    AnswerTable(String name, Query query, String... extras) {
        this.name = name;
        this.query = query;
        this.projected = List.copyOf(query.getProjectVars());
        List<Var> all = new ArrayList<>(projected);
        for (String e : extras) all.add(Var.alloc(e));
        this.stored = List.copyOf(all);
        this.order = query.getOrderBy() == null ? List.of() : List.copyOf(query.getOrderBy());
    }

    /** The bundled text of a saved query. */
    static String text(String name) {
        String path = "fazhi/queries/" + name + ".rq";
        try (InputStream in = AnswerTable.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    boolean distinct() { return query.isDistinct(); }

    /**
     * The row's key in the query's order, then a hash of the row, so that equal rows lie side by
     * side (a DISTINCT query shows them once) and the order of rows the query leaves tied is fixed.
     */
    byte[] sortKey(Binding row) {
        byte[] k = SortKeys.key(order, row);
        byte[] encoded = RowCodec.encode(projected, row);
        long h = 1125899906842597L;
        for (byte b : encoded) h = 31 * h + b;
        byte[] out = java.util.Arrays.copyOf(k, k.length + 8);
        for (int i = 0; i < 8; i++) out[k.length + i] = (byte) (h >>> (56 - 8 * i));
        return out;
    }

    /**
     * What the parameters ask of the table: the keys whose rows answer (their union, in order),
     * and a keyword the rows' text must contain; or why the table cannot answer them (the query
     * then runs as written).
     */
    abstract Request request(Map<String, Node> params, Lookups lookups);

    /** What a request reads: keys (their rows merged in order), a keyword, a least value of a column. */
    record Request(List<String> keys, String keyword, String atLeastColumn, java.math.BigDecimal atLeast, String fallback) {
        static Request of(List<String> keys) { return new Request(List.copyOf(keys), null, null, null, null); }

        static Request key(String key) { return of(List.of(key)); }

        static Request keyword(String keyword) { return new Request(List.of(""), keyword, null, null, null); }

        static Request fallback(String why) { return new Request(List.of(), null, null, null, Objects.requireNonNull(why)); }

        boolean answers() { return fallback == null; }
    }

    /** The key of a table without parameters. */
    static final String NO_KEY = "";
}
