package org.w3id.fazhi.server;

import org.w3id.fazhi.server.MeasureSearch.Facet;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of the search page, all of it in the URL: the search text {@code q}, the facet values
 * chosen ({@code province=…&section=…}, a parameter repeated for two values of one facet, all of
 * them required), the page and a raw format. {@link #url} writes a state back as a link.
 */
record SearchRequest(String q, List<String> terms, Map<Facet, Set<String>> selected, int page, String format) {

    static final String PATH = "/search";
    static final int PAGE_SIZE = 20;

    SearchRequest {
        Map<Facet, Set<String>> copy = new EnumMap<>(Facet.class);
        selected.forEach((f, v) -> {
            if (!v.isEmpty()) copy.put(f, Collections.unmodifiableSet(new LinkedHashSet<>(v)));
        });
        selected = Collections.unmodifiableMap(copy);
    }

    /** From the request's parameters; a bad value is an {@link IllegalArgumentException} saying which. */
    static SearchRequest of(Map<String, String[]> params) {
        String q = one(params, "q");
        if (q == null) q = "";
        if (q.length() > MeasureSearch.MAX_CHARS) {
            throw new IllegalArgumentException("the search text is longer than " + MeasureSearch.MAX_CHARS + " characters");
        }
        List<String> terms = MeasureSearch.terms(q);
        if (!terms.isEmpty() && terms.stream().noneMatch(MeasureSearch::indexable)) {
            throw new IllegalArgumentException("give at least one word of two characters or more (the index holds pairs of characters)");
        }
        Map<Facet, Set<String>> selected = new EnumMap<>(Facet.class);
        for (Facet f : Facet.values()) {
            String[] values = params.get(f.param);
            if (values == null) continue;
            for (String v : values) {
                if (v.isBlank()) continue;
                if (v.length() > 100) throw new IllegalArgumentException("the value of " + f.param + " is too long");
                selected.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(v.strip());
            }
        }
        int page = 1;
        String p = one(params, "page");
        if (p != null && !p.isBlank()) {
            try {
                page = Integer.parseInt(p.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("page must be a whole number: " + p);
            }
            if (page < 1) throw new IllegalArgumentException("page must be 1 or more: " + p);
        }
        String format = one(params, "format");
        if (format != null && !(format.equals("csv") || format.equals("json") || format.equals("html"))) {
            throw new IllegalArgumentException("format must be csv, json or html: " + format);
        }
        if ("html".equals(format)) format = null;
        return new SearchRequest(q.strip(), terms, selected, page, format);
    }

    private static String one(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        if (v == null || v.length == 0) return null;
        if (v.length > 1) throw new IllegalArgumentException("give " + name + " once");
        return v[0];
    }

    /** The same search with a facet value added (and back on page 1). */
    SearchRequest with(Facet f, String value) {
        Map<Facet, Set<String>> s = copy();
        s.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(value);
        return new SearchRequest(q, terms, s, 1, null);
    }

    /** The same search without a facet value (and back on page 1). */
    SearchRequest without(Facet f, String value) {
        Map<Facet, Set<String>> s = copy();
        Set<String> v = s.get(f);
        if (v != null) v.remove(value);
        return new SearchRequest(q, terms, s, 1, null);
    }

    SearchRequest page(int n) { return new SearchRequest(q, terms, selected, n, null); }

    SearchRequest format(String f) { return new SearchRequest(q, terms, selected, 1, f); }

    private Map<Facet, Set<String>> copy() {
        Map<Facet, Set<String>> s = new EnumMap<>(Facet.class);
        selected.forEach((f, v) -> s.put(f, new LinkedHashSet<>(v)));
        return s;
    }

    /** This state as a link: {@code /search?q=…&province=…&page=…&format=…}, every value URL-encoded. */
    String url() {
        StringBuilder sb = new StringBuilder(PATH).append("?q=").append(QueryPages.encode(q));
        for (Map.Entry<Facet, Set<String>> e : selected.entrySet()) {
            for (String v : e.getValue()) sb.append('&').append(e.getKey().param).append('=').append(QueryPages.encode(v));
        }
        if (page > 1) sb.append("&page=").append(page);
        if (format != null) sb.append("&format=").append(format);
        return sb.toString();
    }
}
