package org.w3id.fazhi.recognize;

import org.w3id.fazhi.recognize.metadata.Region;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * One Aho–Corasick automaton over the labels of every dictionary a report is read for: programs,
 * place names, the level word and body that every agency name holds (县司法局), and the measure
 * words a number is counted in (件, 人次, 个工作日). A report's text
 * is read through it once ({@link #scan}), instead of once per dictionary with a look-up per place
 * and character; each recogniser then takes its own dictionary's matches from the result, chosen
 * by the rule it always had: longest first at each place, left to right, no overlaps.
 *
 * <p>Programs are matched on the text with its quotation marks taken out (“八五”普法 holds 八五普法),
 * the others on the text as it is. One pass serves both: the automaton skips quotation marks, and a
 * place name or agency match is kept only where no mark was skipped inside it, which is exactly
 * where it stands in the text as it is (no label of those dictionaries holds a quotation mark).
 */
final class DictionaryAutomaton {

    /** What {@link ProgramRecognizer} takes out of the text before it looks for labels. */
    static final String QUOTES = "“”‘’\"「」『』";

    private static final int PROGRAMS = 0, PLACES = 1, ANCHORS = 2, MEASURE_WORDS = 3, DICTIONARIES = 4;

    /** Transitions out of the start state, by character: the look-up most places of a text make. */
    private final int[] fromRoot = new int[Character.MAX_VALUE + 1];
    /** Per state: its children, in an open-addressing table (keys and targets), as in {@link LabelIndex}. */
    private final char[][] keys;
    private final int[][] targets;
    private final int[] fail;
    /** Per state: the nearest state along its failure chain (itself excluded) that ends a label, or -1. */
    private final int[] outputLink;
    /** Per state: the label length it stands for. */
    private final int[] depth;
    /** Per state and dictionary: the values of the label that ends there, or null. */
    private final Object[][] values;
    private final boolean[] ends;

    private DictionaryAutomaton(Trie trie) {
        int n = trie.size;
        keys = new char[n][];
        targets = new int[n][];
        fail = new int[n];
        outputLink = new int[n];
        depth = Arrays.copyOf(trie.depth, n);
        values = trie.values.toArray(new Object[0][]);
        ends = new boolean[n];
        for (int s = 0; s < n; s++) {
            for (Object v : values[s]) ends[s] |= v != null;
            Trie.Children c = trie.children.get(s);
            keys[s] = c.keys;
            targets[s] = c.targets;
        }
        // Failure links, breadth first: a state's is the longest proper suffix of its label that is a state.
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        Trie.Children root = trie.children.get(0);
        for (int i = 0; i < root.keys.length; i++) {
            int t = root.targets[i];
            if (t <= 0) continue;
            fromRoot[root.keys[i]] = t;
            fail[t] = 0;
            outputLink[t] = -1;
            queue.add(t);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int i = 0; i < keys[s].length; i++) {
                int t = targets[s][i];
                if (t <= 0) continue;
                char c = keys[s][i];
                int f = fail[s];
                int next;
                while ((next = step(f, c)) < 0) f = fail[f];
                fail[t] = next;
                outputLink[t] = ends[next] ? next : outputLink[next];
                queue.add(t);
            }
        }
    }

    /** The state after reading {@code c} in state {@code s}; -1 when {@code s} has no such child (the start state always has one). */
    private int step(int s, char c) {
        if (s == 0) return fromRoot[c];
        char[] k = keys[s];
        int[] t = targets[s];
        int mask = k.length - 1;
        for (int i = Trie.slot(c, mask); ; i = (i + 1) & mask) {
            if (t[i] == 0) return -1;
            if (k[i] == c) return t[i];
        }
    }

    static Builder builder() { return new Builder(); }

    /** Reads a report's normalised text ({@link TextView#text()}) once and keeps every dictionary's matches. */
    Matches scan(String text) {
        int n = text.length();
        // The longest label of each dictionary starting at each place (as its final state; 0 = none).
        int[] programAt = new int[n + 1];
        int[] placeAt = new int[n + 1];
        boolean[] anchorAt = new boolean[n + 1];
        boolean[] measureWordAt = new boolean[n + 1];
        // origin[k]: where the k-th character read (quotation marks skipped) stands in the text.
        int[] origin = new int[n + 1];
        int read = 0;
        int state = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (QUOTES.indexOf(c) >= 0) continue;
            origin[read] = i;
            int next;
            while ((next = step(state, c)) < 0) state = fail[state];
            state = next;
            for (int o = ends[state] ? state : outputLink[state]; o > 0; o = outputLink[o]) {
                int start = read + 1 - depth[o];
                Object[] v = values[o];
                if (v[PROGRAMS] != null && depth[o] > depth[programAt[start]]) programAt[start] = o;
                // Place names and agencies stand in the text as it is: none may straddle a skipped mark.
                if ((v[PLACES] != null || v[ANCHORS] != null || v[MEASURE_WORDS] != null) && i - origin[start] == depth[o] - 1) {
                    int at = origin[start];
                    if (v[PLACES] != null && depth[o] > depth[placeAt[at]]) placeAt[at] = o;
                    if (v[ANCHORS] != null) anchorAt[at] = true;
                    if (v[MEASURE_WORDS] != null) measureWordAt[at] = true;
                }
            }
            read++;
        }
        origin[read] = n;
        return new Matches(text, origin, read, programAt, placeAt, anchorAt, measureWordAt);
    }

    /**
     * What one scan found. Each dictionary's hits come out as its recogniser always chose them: the
     * longest label at each place, then on after its end.
     */
    final class Matches {
        private final String text;
        private final int[] origin;
        private final int read;
        private final int[] programAt;
        private final int[] placeAt;
        private final boolean[] anchorAt;
        private final boolean[] measureWordAt;

        private Matches(String text, int[] origin, int read, int[] programAt, int[] placeAt, boolean[] anchorAt,
                        boolean[] measureWordAt) {
            this.text = text;
            this.origin = origin;
            this.read = read;
            this.programAt = programAt;
            this.placeAt = placeAt;
            this.anchorAt = anchorAt;
            this.measureWordAt = measureWordAt;
        }

        /**
         * Program labels on the text without quotation marks, each as where it stands in the text:
         * from its first character to just after its last (marks inside it included).
         */
        @SuppressWarnings("unchecked")
        List<LabelIndex.Hit<Program>> programs() {
            List<LabelIndex.Hit<Program>> hits = new ArrayList<>();
            for (int k = 0; k < read; ) {
                int s = programAt[k];
                if (s == 0) {
                    k++;
                    continue;
                }
                int start = origin[k], end = origin[k + depth[s] - 1] + 1;
                hits.add(new LabelIndex.Hit<>(start, end, text.substring(start, end), (List<Program>) values[s][PROGRAMS]));
                k += depth[s];
            }
            return hits;
        }

        /** Place names (with the short forms of autonomous prefectures), as {@link RegionGazetteer#placeMentions} finds them. */
        @SuppressWarnings("unchecked")
        List<LabelIndex.Hit<Region>> places() {
            List<LabelIndex.Hit<Region>> hits = new ArrayList<>();
            for (int i = 0; i < text.length(); ) {
                int s = placeAt[i];
                if (s == 0) {
                    i++;
                    continue;
                }
                hits.add(new LabelIndex.Hit<>(i, i + depth[s], text.substring(i, i + depth[s]), (List<Region>) values[s][PLACES]));
                i += depth[s];
            }
            return hits;
        }

        /** The first place at or after {@code from} where a level word and an agency's body start, or -1. */
        int nextAgencyAnchor(int from) {
            for (int i = Math.max(0, from); i < text.length(); i++) if (anchorAt[i]) return i;
            return -1;
        }

        /** Whether a measure word starts somewhere from {@code from} to {@code to}, both included. */
        boolean measureWordStartsIn(int from, int to) {
            for (int i = from; i <= to && i < text.length(); i++) if (measureWordAt[i]) return true;
            return false;
        }

        String text() { return text; }
    }

    /** The dictionaries the automaton reads for; any may be left out. */
    static final class Builder {
        private final Trie trie = new Trie();

        Builder programs(LabelIndex<Program> labels) {
            labels.forEach((label, v) -> trie.add(label, PROGRAMS, v));
            return this;
        }

        Builder places(LabelIndex<Region> labels) {
            labels.forEach((label, v) -> trie.add(requireNoQuotes(label), PLACES, v));
            return this;
        }

        /** Labels (already normalised) whose start is all that is wanted. */
        Builder agencyAnchors(Collection<String> labels) {
            labels.forEach(label -> trie.add(requireNoQuotes(label), ANCHORS, Boolean.TRUE));
            return this;
        }

        /** Measure words, one character or more, taken as they are written. */
        Builder measureWords(Collection<String> words) {
            words.forEach(w -> trie.add(requireNoQuotes(w), MEASURE_WORDS, Boolean.TRUE));
            return this;
        }

        DictionaryAutomaton build() { return new DictionaryAutomaton(trie); }

        private static String requireNoQuotes(String label) {
            for (int i = 0; i < label.length(); i++) {
                if (QUOTES.indexOf(label.charAt(i)) >= 0) {
                    throw new IllegalArgumentException("a label matched on the text as it is holds a quotation mark: " + label);
                }
            }
            return label;
        }
    }

    /** The trie the automaton is made from: states numbered from 0 (the start), children in open-addressing tables. */
    private static final class Trie {
        int size = 1;
        int[] depth = new int[1024];
        final List<Object[]> values = new ArrayList<>();
        final List<Children> children = new ArrayList<>();

        Trie() {
            values.add(new Object[DICTIONARIES]);
            children.add(new Children());
        }

        static final class Children {
            char[] keys = new char[2];
            int[] targets = new int[2];
            int count;
        }

        void add(String label, int dictionary, Object value) {
            if (label.isEmpty()) return;
            int s = 0;
            for (int i = 0; i < label.length(); i++) s = childOrNew(s, label.charAt(i));
            Object[] v = values.get(s);
            // A label may come twice into one dictionary (the same list of values): the first stays.
            if (v[dictionary] == null) v[dictionary] = value;
        }

        private int childOrNew(int s, char c) {
            Children ch = children.get(s);
            int mask = ch.keys.length - 1;
            for (int i = slot(c, mask); ; i = (i + 1) & mask) {
                if (ch.targets[i] == 0) break;
                if (ch.keys[i] == c) return ch.targets[i];
            }
            if (2 * (ch.count + 1) > ch.keys.length) grow(ch);
            int t = size++;
            if (t == depth.length) depth = Arrays.copyOf(depth, 2 * t);
            depth[t] = depth[s] + 1;
            values.add(new Object[DICTIONARIES]);
            children.add(new Children());
            put(ch, c, t);
            return t;
        }

        private static void put(Children ch, char c, int t) {
            int mask = ch.keys.length - 1;
            int i = slot(c, mask);
            while (ch.targets[i] != 0) i = (i + 1) & mask;
            ch.keys[i] = c;
            ch.targets[i] = t;
            ch.count++;
        }

        private static void grow(Children ch) {
            char[] oldKeys = ch.keys;
            int[] oldTargets = ch.targets;
            ch.keys = new char[oldKeys.length * 2];
            ch.targets = new int[oldKeys.length * 2];
            ch.count = 0;
            for (int i = 0; i < oldKeys.length; i++) if (oldTargets[i] != 0) put(ch, oldKeys[i], oldTargets[i]);
        }

        /** Han characters run in blocks of neighbours: spread them over the table. */
        static int slot(char c, int mask) { return (c * 0x9E3779B1 >>> 16) & mask; }
    }
}
