package org.w3id.fazhi.recognize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the labels of a vocabulary in a text, longest first at each place, left to right, with no
 * overlaps. Labels are normalised like a {@link TextView}, so traditional and full-width forms match.
 *
 * @param <T> what a label stands for
 */
final class LabelIndex<T> {

    /** A label found in the text. */
    record Hit<T>(int start, int end, String label, List<T> values) {}

    private final Map<String, List<T>> byLabel = new HashMap<>();
    private int longest;

    void add(String label, T value) {
        String key = TextView.normalize(label);
        if (key.length() < 2) return;
        List<T> values = byLabel.computeIfAbsent(key, k -> new ArrayList<>());
        if (!values.contains(value)) values.add(value);
        longest = Math.max(longest, key.length());
    }

    List<T> get(String label) {
        return byLabel.getOrDefault(TextView.normalize(label), List.of());
    }

    List<Hit<T>> find(String text) {
        List<Hit<T>> hits = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            Hit<T> hit = longestAt(text, i);
            if (hit == null) {
                i++;
            } else {
                hits.add(hit);
                i = hit.end();
            }
        }
        return hits;
    }

    Hit<T> longestAt(String text, int i) {
        for (int len = Math.min(longest, text.length() - i); len >= 2; len--) {
            List<T> values = byLabel.get(text.substring(i, i + len));
            if (values != null) return new Hit<>(i, i + len, text.substring(i, i + len), values);
        }
        return null;
    }
}
