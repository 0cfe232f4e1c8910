package org.w3id.fazhi.query;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSet;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows a saved query returned, held in memory so they can be written more than once.
 *
 * @param query    the saved query
 * @param params   the parameter values it ran with, defaults filled in
 * @param sparql   the query text that ran, parameters bound
 * @param vars     the result columns, in order
 * @param rows     the rows
 * @param prefixes the query's prefixes, to shorten IRIs for people
 * @param elapsed  how long the query took to run and read
 * @param page     the page of rows asked for, or null when all were
 * @param more     true when rows follow this page
 */
public record QueryResult(SavedQuery query, Map<String, String> params, String sparql, List<String> vars,
                          List<Binding> rows, PrefixMapping prefixes, Duration elapsed, QueryRunner.Page page, boolean more) {

    /** Every row of a query. */
    public QueryResult(SavedQuery query, Map<String, String> params, String sparql, List<String> vars,
                       List<Binding> rows, PrefixMapping prefixes, Duration elapsed) {
        this(query, params, sparql, vars, rows, prefixes, elapsed, null, false);
    }

    public QueryResult {
        params = Map.copyOf(params);
        vars = List.copyOf(vars);
        rows = List.copyOf(rows);
    }

    public int size() { return rows.size(); }

    /** A fresh result set over the rows (for Jena's writers). */
    public ResultSet resultSet() { return ResultSet.adapt(rowSet()); }

    /** A fresh row set over the rows. */
    public RowSet rowSet() {
        List<Var> vs = new ArrayList<>();
        for (String v : vars) vs.add(Var.alloc(v));
        return RowSetStream.create(vs, rows.iterator());
    }

    /** The value of {@code var} in row {@code i}, or null when unbound. */
    public Node get(int i, String var) { return rows.get(i).get(Var.alloc(var)); }

    /** The value of {@code var} in row {@code i} as people read it: a literal's text, an IRI shortened; "" when unbound. */
    public String text(int i, String var) { return ResultFormat.display(get(i, var), prefixes); }

    /** Every row as display strings in column order. */
    public List<List<String>> table() {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = new ArrayList<>();
            for (String v : vars) row.add(text(i, v));
            out.add(row);
        }
        return out;
    }
}
