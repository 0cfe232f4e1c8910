package org.w3id.fazhi.server;

import jakarta.servlet.http.HttpServletResponse;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Small helpers for response headers that several filters and servlets touch. */
final class HttpHeaders {

    private HttpHeaders() {}

    /** Adds fields to the response's {@code Vary}, keeping those already there (never overwrites). */
    static void addVary(HttpServletResponse response, String... fields) {
        String merged = mergeVary(String.join(", ", response.getHeaders("Vary")), fields);
        if (!merged.isEmpty()) response.setHeader("Vary", merged);
    }

    /** {@code existing} with {@code fields} appended, each field once (compared case-insensitively). */
    static String mergeVary(String existing, String... fields) {
        Set<String> seen = new LinkedHashSet<>();
        StringBuilder out = new StringBuilder();
        for (String list : concat(existing, fields)) {
            if (list == null) continue;
            for (String f : list.split(",")) {
                String field = f.trim();
                if (!field.isEmpty() && seen.add(field.toLowerCase(Locale.ROOT))) {
                    if (out.length() > 0) out.append(", ");
                    out.append(field);
                }
            }
        }
        return out.toString();
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
