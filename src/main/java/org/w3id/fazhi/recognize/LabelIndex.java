package org.w3id.fazhi.recognize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    /**
     * A trie node. Its children sit in sorted parallel arrays searched by bisection: a look-up per
     * character of the text takes no boxing and no hashing, which a map keyed by Character did.
     */
    private static final class Node<T> {
        private static final char[] NO_KEYS = {};

        char[] keys = NO_KEYS;
        Node<T>[] children = newChildren(0);
        List<T> values;

        Node<T> child(char c) {
            int i = Arrays.binarySearch(keys, c);
            return i < 0 ? null : children[i];
        }

        Node<T> childOrNew(char c) {
            int i = Arrays.binarySearch(keys, c);
            if (i >= 0) return children[i];
            int at = -i - 1;
            Node<T> node = new Node<>();
            char[] k = new char[keys.length + 1];
            Node<T>[] n = newChildren(keys.length + 1);
            System.arraycopy(keys, 0, k, 0, at);
            System.arraycopy(children, 0, n, 0, at);
            k[at] = c;
            n[at] = node;
            System.arraycopy(keys, at, k, at + 1, keys.length - at);
            System.arraycopy(children, at, n, at + 1, keys.length - at);
            keys = k;
            children = n;
            return node;
        }

        @SuppressWarnings("unchecked")
        private static <T> Node<T>[] newChildren(int n) { return (Node<T>[]) new Node<?>[n]; }
    }

    /**
     * The nodes of the labels' first characters, indexed by character: the look-up made at every
     * place of a text, the one that most often finds nothing, costs one array read.
     */
    private final Node<T>[] first = Node.newChildren(Character.MAX_VALUE + 1);

    void add(String label, T value) {
        String key = TextView.normalize(label);
        if (key.length() < 2) return;
        Node<T> node = first[key.charAt(0)];
        if (node == null) first[key.charAt(0)] = node = new Node<>();
        for (int i = 1; i < key.length(); i++) node = node.childOrNew(key.charAt(i));
        if (node.values == null) node.values = new ArrayList<>(1);
        if (!node.values.contains(value)) node.values.add(value);
    }

    List<T> get(String label) {
        String key = TextView.normalize(label);
        if (key.isEmpty()) return List.of();
        Node<T> node = first[key.charAt(0)];
        for (int i = 1; i < key.length() && node != null; i++) node = node.child(key.charAt(i));
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
        if (i >= text.length()) return null;
        Node<T> node = first[text.charAt(i)];
        int end = -1;
        List<T> values = null;
        for (int j = i + 1; node != null; j++) {
            if (node.values != null) {
                end = j;
                values = node.values;
            }
            node = j < text.length() ? node.child(text.charAt(j)) : null;
        }
        return values == null ? null : new Hit<>(i, end, text.substring(i, end), values);
    }
}
