package org.w3id.fazhi.recognize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the labels of a vocabulary in a text, longest first at each place, left to right, with no
 * overlaps. Labels are normalised like a {@link TextView}, so traditional and full-width forms match.
 * A character trie: most places in a text start no label, and the trie knows that after one look-up.
 *
 * @param <T> what a label stands for
 */
final class LabelIndex<T> {

    /** A label found in the text. */
    record Hit<T>(int start, int end, String label, List<T> values) {}

    private static final class Node<T> {
        final Map<Character, Node<T>> next = new HashMap<>(4);
        List<T> values;
    }

    private final Node<T> root = new Node<>();

    void add(String label, T value) {
        String key = TextView.normalize(label);
        if (key.length() < 2) return;
        Node<T> node = root;
        for (int i = 0; i < key.length(); i++) node = node.next.computeIfAbsent(key.charAt(i), c -> new Node<>());
        if (node.values == null) node.values = new ArrayList<>(1);
        if (!node.values.contains(value)) node.values.add(value);
    }

    List<T> get(String label) {
        String key = TextView.normalize(label);
        Node<T> node = root;
        for (int i = 0; i < key.length() && node != null; i++) node = node.next.get(key.charAt(i));
        return node == null || node.values == null ? List.of() : node.values;
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
        Node<T> node = root;
        int end = -1;
        List<T> values = null;
        for (int j = i; j < text.length(); j++) {
            node = node.next.get(text.charAt(j));
            if (node == null) break;
            if (node.values != null) {
                end = j + 1;
                values = node.values;
            }
        }
        return values == null ? null : new Hit<>(i, end, text.substring(i, end), values);
    }
}
