package org.w3id.fazhi.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Takes running headers, footers and page numbers off the pages of a paginated document, as the
 * cleaner takes a web page's furniture off: they repeat on every page and would otherwise land in
 * the middle of paragraphs. Only the lines nearest the top and bottom edge of a page are looked at,
 * so a body line is never taken for furniture because its words recur.
 */
final class PageFurniture {
    /** How many lines at each edge of a page can be a header or a footer. */
    static final int EDGE_LINES = 2;

    /** "- 3 -", "—3—", "3", "第3页", "第 3 页 共 10 页", "3/10", "Page 3 of 10", "- 3 - 共10页". */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:[-－—–_·•]*\\d{1,4}[-－—–_·•]*|第\\d{1,4}页[,，/／]?(?:共\\d{1,4}页)?|共\\d{1,4}页[,，/／]?第\\d{1,4}页"
            + "|\\d{1,4}[/／]\\d{1,4}|(?i:page)\\d{1,4}(?:(?i:of)\\d{1,4})?)$");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private PageFurniture() {}

    /** True for a line that is only a page number, in any of the forms Chinese documents print. */
    static boolean isPageNumber(String line) {
        return PAGE_NUMBER.matcher(SPACES.matcher(line).replaceAll("")).matches();
    }

    /**
     * The pages without their furniture: page-number lines at an edge, and lines at an edge that
     * recur (numbers aside) at the same edge of at least half the pages, two at least.
     */
    static <L> List<List<L>> remove(List<List<L>> pages, java.util.function.Function<L, String> text) {
        Set<String> repeated = repeatedEdgeLines(pages, text);
        List<List<L>> out = new ArrayList<>();
        for (List<L> page : pages) {
            List<L> kept = new ArrayList<>();
            for (int i = 0; i < page.size(); i++) {
                String line = text.apply(page.get(i));
                boolean edge = i < EDGE_LINES || i >= page.size() - EDGE_LINES;
                if (edge && (isPageNumber(line) || repeated.contains(key(line)))) continue;
                kept.add(page.get(i));
            }
            out.add(kept);
        }
        return out;
    }

    private static <L> Set<String> repeatedEdgeLines(List<List<L>> pages, java.util.function.Function<L, String> text) {
        Map<String, Integer> pagesWith = new HashMap<>();
        for (List<L> page : pages) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < page.size(); i++) {
                if (i < EDGE_LINES || i >= page.size() - EDGE_LINES) seen.add(key(text.apply(page.get(i))));
            }
            seen.forEach(k -> pagesWith.merge(k, 1, Integer::sum));
        }
        int needed = Math.max(2, (pages.size() + 1) / 2);
        Set<String> repeated = new HashSet<>();
        pagesWith.forEach((k, n) -> {
            if (n >= needed && !k.isEmpty()) repeated.add(k);
        });
        return repeated;
    }

    /** Lines compare without spaces and with every number alike: "第 3 页" and "第4页" are one footer. */
    private static String key(String line) {
        return DIGITS.matcher(SPACES.matcher(line).replaceAll("")).replaceAll("#");
    }
}
