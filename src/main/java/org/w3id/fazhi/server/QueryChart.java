package org.w3id.fazhi.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.w3id.fazhi.query.QueryResult;
import org.w3id.fazhi.query.SavedQuery;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a chart of a result shows, chosen from the columns so that queries need say no more than
 * their header's {@code view}. The spec is JSON that {@code query-chart.js} turns into ECharts
 * options; choosing here keeps the choice in one place and testable.
 * <ul>
 *   <li>bar: the first text column names the bars (other short text columns and the year are
 *       added when names repeat); the first number column after it is the bar's height;</li>
 *   <li>line: the first column is the x axis (a year); every other number column is a line;</li>
 *   <li>network: the first two columns are an edge's ends, the first number column its weight.</li>
 * </ul>
 */
final class QueryChart {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Text columns longer than this (quotes, lists of regions) do not name bars. */
    private static final int MAX_NAME_CHARS = 24;
    private static final String YEAR = "year";

    private QueryChart() {}

    /** The chart spec for a result, or empty when its view is a table or its columns do not fit the view. */
    static Optional<ObjectNode> of(QueryResult result) {
        if (result.size() == 0) return Optional.empty();
        List<List<String>> table = result.table();
        List<String> vars = result.vars();
        List<Boolean> numeric = new ArrayList<>();
        for (int c = 0; c < vars.size(); c++) numeric.add(isNumeric(table, c));
        return switch (result.query().view()) {
            case TABLE -> Optional.empty();
            case BAR -> bar(vars, table, numeric);
            case LINE -> line(vars, table, numeric);
            case NETWORK -> network(vars, table, numeric);
        };
    }

    private static Optional<ObjectNode> bar(List<String> vars, List<List<String>> table, List<Boolean> numeric) {
        int name = -1, measure = -1;
        for (int c = 0; c < vars.size(); c++) {
            if (name < 0 && !numeric.get(c)) name = c;
            else if (name >= 0 && numeric.get(c) && !vars.get(c).equals(YEAR)) {
                measure = c;
                break;
            }
        }
        if (name < 0 || measure < 0) return Optional.empty();
        List<Integer> nameColumns = new ArrayList<>(List.of(name));
        // Add short text columns (and the year) until every bar has a name of its own.
        for (int c = 0; c < vars.size() && !distinct(table, nameColumns); c++) {
            if (c == name || c == measure) continue;
            boolean shortText = !numeric.get(c) && maxLength(table, c) <= MAX_NAME_CHARS;
            if (shortText || vars.get(c).equals(YEAR)) nameColumns.add(c);
        }
        ObjectNode spec = spec(SavedQuery.View.BAR, vars.get(measure));
        ArrayNode categories = spec.putArray("categories");
        ArrayNode data = spec.putArray("series").addObject().put("name", vars.get(measure)).putArray("data");
        for (List<String> row : table) {
            List<String> parts = new ArrayList<>();
            for (int c : nameColumns) if (!row.get(c).isEmpty()) parts.add(row.get(c));
            categories.add(String.join(" · ", parts));
            data.add(number(row.get(measure)));
        }
        return Optional.of(spec);
    }

    private static Optional<ObjectNode> line(List<String> vars, List<List<String>> table, List<Boolean> numeric) {
        ObjectNode spec = spec(SavedQuery.View.LINE, vars.get(0));
        ArrayNode categories = spec.putArray("categories");
        for (List<String> row : table) categories.add(row.get(0));
        ArrayNode series = spec.putArray("series");
        for (int c = 1; c < vars.size(); c++) {
            if (!numeric.get(c)) continue;
            ArrayNode data = series.addObject().put("name", vars.get(c)).putArray("data");
            for (List<String> row : table) data.add(number(row.get(c)));
        }
        return series.isEmpty() ? Optional.empty() : Optional.of(spec);
    }

    private static Optional<ObjectNode> network(List<String> vars, List<List<String>> table, List<Boolean> numeric) {
        if (vars.size() < 2) return Optional.empty();
        int weight = -1;
        for (int c = 2; c < vars.size() && weight < 0; c++) if (numeric.get(c)) weight = c;
        ObjectNode spec = spec(SavedQuery.View.NETWORK, weight < 0 ? "" : vars.get(weight));
        Map<String, Double> degree = new LinkedHashMap<>();
        ArrayNode links = spec.putArray("links");
        for (List<String> row : table) {
            String source = row.get(0), target = row.get(1);
            if (source.isEmpty() || target.isEmpty()) continue;
            double w = weight < 0 || row.get(weight).isEmpty() ? 1 : number(row.get(weight)).doubleValue();
            links.addObject().put("source", source).put("target", target).put("value", w);
            degree.merge(source, w, Double::sum);
            degree.merge(target, w, Double::sum);
        }
        ArrayNode nodes = spec.putArray("nodes");
        degree.forEach((n, d) -> nodes.addObject().put("name", n).put("value", d));
        return links.isEmpty() ? Optional.empty() : Optional.of(spec);
    }

    private static ObjectNode spec(SavedQuery.View view, String measure) {
        return JSON.createObjectNode().put("view", view.id()).put("measure", measure);
    }

    private static boolean isNumeric(List<List<String>> table, int c) {
        boolean any = false;
        for (List<String> row : table) {
            String v = row.get(c);
            if (v.isEmpty()) continue;
            if (!v.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) return false;
            any = true;
        }
        return any;
    }

    private static BigDecimal number(String s) {
        return s.isEmpty() ? BigDecimal.ZERO : new BigDecimal(s);
    }

    private static int maxLength(List<List<String>> table, int c) {
        int max = 0;
        for (List<String> row : table) max = Math.max(max, row.get(c).length());
        return max;
    }

    private static boolean distinct(List<List<String>> table, List<Integer> columns) {
        Set<List<String>> seen = new HashSet<>();
        for (List<String> row : table) {
            List<String> key = new ArrayList<>();
            for (int c : columns) key.add(row.get(c));
            if (!seen.add(key)) return false;
        }
        return true;
    }
}
