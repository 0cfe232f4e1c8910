package org.w3id.fazhi.cli;

import java.util.List;
import java.util.Map;

/**
 * Parameters the cross-target tests run some saved queries with besides their defaults, where the
 * defaults leave a part of the query untried on the five reports (a filter that keeps no row, a
 * branch no default reaches): each set is {@code name=value} pairs for {@code --param}.
 */
final class QueryParams {

    private QueryParams() {}

    static final Map<String, List<List<String>>> MORE = Map.of(
            // By default the reports lacking the part outright: none of the five. With the unknown ones: two.
            "reports-missing-first-responsibility", List.of(List.of("include_unknown=yes")),
            "compliance-by-province", List.of(List.of("for_year=2020"), List.of("by_level=no", "by_year=no")),
            "region-compliance-record", List.of(List.of("region=高台县"), List.of("region=金普新区")),
            "report-compliance", List.of(List.of("report=620724-2020"), List.of("report=210200-jinpuxinqu-2023")));

    /** The parameter sets of a query: its defaults first, then those above. */
    static List<List<String>> of(String query) {
        List<List<String>> sets = new java.util.ArrayList<>();
        sets.add(List.of());
        sets.addAll(MORE.getOrDefault(query, List.of()));
        return sets;
    }

    /** The {@code --param} arguments of a set. */
    static List<String> args(List<String> set) {
        List<String> out = new java.util.ArrayList<>();
        for (String p : set) {
            out.add("--param");
            out.add(p);
        }
        return out;
    }
}
