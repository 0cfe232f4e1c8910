package org.w3id.fazhi.recognize.metadata;

import org.w3id.fazhi.util.TabTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The townships of China (乡, 镇, 街道 and the like, {@code ontology/townships.tsv}) by name, with
 * the county-level unit each lies in: evidence of which county or district a report is about. A
 * report names its towns and streets (宋庄镇, 北苑街道); two districts called 通州区 have none in
 * common but the commonest (城关镇). No township becomes a resource of its own.
 */
public final class Townships {

    /** The words a township's name ends with. */
    private static final Pattern END = Pattern.compile("街道|镇|乡|苏木|民族乡");
    private static final int LONGEST_NAME = 8;

    private final Map<String, List<String>> countiesByName;

    private Townships(Map<String, List<String>> countiesByName) {
        this.countiesByName = countiesByName;
    }

    public static Townships none() { return new Townships(Map.of()); }

    /** Reads the table: {@code #} comments, a header line, then code, name, county code, tab-separated. */
    public static Townships parse(String table) {
        Map<String, List<String>> m = new HashMap<>();
        for (String[] f : TabTable.rows(table, "townships.tsv", 3, "code<TAB>name<TAB>county")) {
            m.computeIfAbsent(f[1], k -> new ArrayList<>(1)).add(f[2]);
        }
        return new Townships(m);
    }

    /**
     * How many distinct townships of each county-level unit the text names (宋庄镇 and 潞城镇 → 110112: 2),
     * by the unit's 6-digit code. A name at most {@value #LONGEST_NAME} characters long, ending in one of
     * the township words, the longest that the table has.
     */
    public Map<String, Integer> countiesNamed(String text) {
        if (countiesByName.isEmpty()) return Map.of();
        Map<String, List<String>> found = new HashMap<>();
        Matcher m = END.matcher(text);
        while (m.find()) {
            for (int start = Math.max(0, m.end() - LONGEST_NAME); start < m.start(); start++) {
                String name = text.substring(start, m.end());
                List<String> counties = countiesByName.get(name);
                if (counties != null) {
                    found.putIfAbsent(name, counties);
                    break;
                }
            }
        }
        Map<String, Integer> out = new HashMap<>();
        for (List<String> counties : found.values()) for (String c : counties) out.merge(c, 1, Integer::sum);
        return out;
    }

    public int size() { return countiesByName.size(); }
}
