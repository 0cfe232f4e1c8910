package org.w3id.fazhi.recognize;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the labels of a vocabulary in a text, longest first at each place, left to right, with no
 * overlaps. Labels are normalised like a {@link TextView}, so traditional and full-width forms match.
 * A character trie: most places in a text start no label, and the trie knows that after one look-up.
 *
 * @param <T> what a label stands for
 */
public final class LabelIndex<T> {

    /** A label found in the text. */
    public record Hit<T>(int start, int end, String label, List<T> values) {}

    /**
     * A trie node. Its children sit in a small open-addressing table keyed by character: a look-up
     * per character of the text takes no boxing, which a map keyed by Character did, and no
     * bisection over the hundreds of children a common first character has.
     */
    private static final class Node<T> {
        char[] keys = new char[1];
        Node<T>[] children = newChildren(1);
        int size;
        List<T> values;

        Node<T> child(char c) {
            int mask = children.length - 1;
            for (int i = slot(c, mask); ; i = (i + 1) & mask) {
                Node<T> n = children[i];
                if (n == null || keys[i] == c) return n;
            }
        }

        Node<T> childOrNew(char c) {
            Node<T> found = child(c);
            if (found != null) return found;
            // At most half full, so that a look-up for a character that is not there stops soon.
            if (2 * (size + 1) > children.length) grow();
            Node<T> node = new Node<>();
            put(c, node);
            return node;
        }

        private void put(char c, Node<T> node) {
            int mask = children.length - 1;
            int i = slot(c, mask);
            while (children[i] != null) i = (i + 1) & mask;
            keys[i] = c;
            children[i] = node;
            size++;
        }

        private void grow() {
            char[] oldKeys = keys;
            Node<T>[] oldChildren = children;
            keys = new char[oldKeys.length * 2];
            children = newChildren(oldKeys.length * 2);
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) if (oldChildren[i] != null) put(oldKeys[i], oldChildren[i]);
        }

        /** Han characters run in blocks of neighbours: spread them over the table. */
        private static int slot(char c, int mask) { return (c * 0x9E3779B1 >>> 16) & mask; }

        @SuppressWarnings("unchecked")
        private static <T> Node<T>[] newChildren(int n) { return (Node<T>[]) new Node<?>[n]; }
    }

    /**
     * The nodes of the labels' first characters, indexed by character: the look-up made at every
     * place of a text, the one that most often finds nothing, costs one array read.
     */
    private final Node<T>[] first = Node.newChildren(Character.MAX_VALUE + 1);

    public void add(String label, T value) {
        Node<T> node = nodeFor(label);
        if (node == null) return;
        if (node.values == null) node.values = new ArrayList<>(1);
        if (!node.values.contains(value)) node.values.add(value);
    }

    /**
     * Adds a word that holds a label but names nothing (上述法律 holds 述法): found like a label, longest
     * first, so that the label inside it is not found, and standing for no value.
     */
    public void block(String word) {
        Node<T> node = nodeFor(word);
        if (node != null && node.values == null) node.values = new ArrayList<>(0);
    }

    /** The node of a label (normalised), made where missing; null for a label of fewer than two characters. */
    private Node<T> nodeFor(String label) {
        String key = TextView.normalize(label);
        if (key.length() < 2) return null;
        Node<T> node = first[key.charAt(0)];
        if (node == null) first[key.charAt(0)] = node = new Node<>();
        for (int i = 1; i < key.length(); i++) node = node.childOrNew(key.charAt(i));
        return node;
    }

    public List<T> get(String label) {
        String key = TextView.normalize(label);
        if (key.isEmpty()) return List.of();
        Node<T> node = first[key.charAt(0)];
        for (int i = 1; i < key.length() && node != null; i++) node = node.child(key.charAt(i));
        return node == null || node.values == null ? List.of() : node.values;
    }

    /** Every label (normalised) with its values, for building other indexes from this one. */
    public void forEach(java.util.function.BiConsumer<String, List<T>> action) {
        StringBuilder key = new StringBuilder();
        for (int c = 0; c < first.length; c++) {
            if (first[c] == null) continue;
            key.setLength(0);
            key.append((char) c);
            walk(first[c], key, action);
        }
    }

    private static <T> void walk(Node<T> node, StringBuilder key, java.util.function.BiConsumer<String, List<T>> action) {
        if (node.values != null) action.accept(key.toString(), node.values);
        for (int i = 0; i < node.children.length; i++) {
            if (node.children[i] == null) continue;
            key.append(node.keys[i]);
            walk(node.children[i], key, action);
            key.setLength(key.length() - 1);
        }
    }

    public List<Hit<T>> find(String text) {
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
