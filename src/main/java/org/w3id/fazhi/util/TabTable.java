package org.w3id.fazhi.util;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a small tab-separated table the project ships (site-hosts.tsv, townships.tsv): lines
 * starting with {@code #} and blank lines are comments, the first other line is the header, and every
 * row has as many cells as it says.
 */
public final class TabTable {

    private TabTable() {}

    /**
     * The rows after the header, each cell stripped.
     *
     * @param name    the table's file name, for the message when a row is malformed
     * @param columns how many cells a row must have
     * @param shape   what the row should look like, for that message (host&lt;TAB&gt;region)
     */
    public static List<String[]> rows(String table, String name, int columns, String shape) {
        List<String[]> out = new ArrayList<>();
        boolean header = true;
        for (String line : table.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            if (header) {
                header = false;
                continue;
            }
            String[] f = l.split("\t");
            if (f.length != columns) throw new IllegalArgumentException(name + ": want " + shape + ", not: " + l);
            for (int i = 0; i < f.length; i++) f[i] = f[i].strip();
            out.add(f);
        }
        return out;
    }
}
