package org.w3id.fazhi.eval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Port of CPython's {@code difflib.SequenceMatcher(None, a, b, autojunk=False)}, restricted to
 * {@code get_matching_blocks()}. Elements are code points (Python str characters). With no isjunk
 * and no autojunk nothing is junk, but the algorithm keeps difflib's structure so that ties are
 * broken exactly as CPython breaks them.
 */
final class SequenceMatcher {
    /** A matching block: a[a:a+size] == b[b:b+size]. */
    record Match(int a, int b, int size) {}

    private final int[] a, b;
    private final Map<Integer, List<Integer>> b2j = new HashMap<>();

    SequenceMatcher(int[] a, int[] b) {
        this.a = a;
        this.b = b;
        for (int j = 0; j < b.length; j++) b2j.computeIfAbsent(b[j], k -> new ArrayList<>()).add(j);
    }

    SequenceMatcher(String a, String b) { this(Py.codePoints(a), Py.codePoints(b)); }

    private static boolean isBJunk(int element) { return false; } // bjunk is empty: isjunk is None

    Match findLongestMatch(int alo, int ahi, int blo, int bhi) {
        int besti = alo, bestj = blo, bestsize = 0;
        Map<Integer, Integer> j2len = new HashMap<>();
        for (int i = alo; i < ahi; i++) {
            Map<Integer, Integer> newj2len = new HashMap<>();
            for (int j : b2j.getOrDefault(a[i], List.of())) {
                if (j < blo) continue;
                if (j >= bhi) break;
                int k = j2len.getOrDefault(j - 1, 0) + 1;
                newj2len.put(j, k);
                if (k > bestsize) { besti = i - k + 1; bestj = j - k + 1; bestsize = k; }
            }
            j2len = newj2len;
        }
        while (besti > alo && bestj > blo && !isBJunk(b[bestj - 1]) && a[besti - 1] == b[bestj - 1]) {
            besti--; bestj--; bestsize++;
        }
        while (besti + bestsize < ahi && bestj + bestsize < bhi && !isBJunk(b[bestj + bestsize])
                && a[besti + bestsize] == b[bestj + bestsize]) bestsize++;
        while (besti > alo && bestj > blo && isBJunk(b[bestj - 1]) && a[besti - 1] == b[bestj - 1]) {
            besti--; bestj--; bestsize++;
        }
        while (besti + bestsize < ahi && bestj + bestsize < bhi && isBJunk(b[bestj + bestsize])
                && a[besti + bestsize] == b[bestj + bestsize]) bestsize++;
        return new Match(besti, bestj, bestsize);
    }

    List<Match> getMatchingBlocks() {
        int la = a.length, lb = b.length;
        Deque<int[]> queue = new ArrayDeque<>(); // used as Python's list.append / list.pop (LIFO)
        queue.push(new int[] {0, la, 0, lb});
        List<Match> blocks = new ArrayList<>();
        while (!queue.isEmpty()) {
            int[] q = queue.pop();
            int alo = q[0], ahi = q[1], blo = q[2], bhi = q[3];
            Match x = findLongestMatch(alo, ahi, blo, bhi);
            int i = x.a(), j = x.b(), k = x.size();
            if (k > 0) {
                blocks.add(x);
                if (alo < i && blo < j) queue.push(new int[] {alo, i, blo, j});
                if (i + k < ahi && j + k < bhi) queue.push(new int[] {i + k, ahi, j + k, bhi});
            }
        }
        blocks.sort(Comparator.comparingInt(Match::a).thenComparingInt(Match::b).thenComparingInt(Match::size));

        int i1 = 0, j1 = 0, k1 = 0;
        List<Match> nonAdjacent = new ArrayList<>();
        for (Match m : blocks) {
            if (i1 + k1 == m.a() && j1 + k1 == m.b()) {
                k1 += m.size();
            } else {
                if (k1 > 0) nonAdjacent.add(new Match(i1, j1, k1));
                i1 = m.a(); j1 = m.b(); k1 = m.size();
            }
        }
        if (k1 > 0) nonAdjacent.add(new Match(i1, j1, k1));
        nonAdjacent.add(new Match(la, lb, 0));
        return nonAdjacent;
    }
}
