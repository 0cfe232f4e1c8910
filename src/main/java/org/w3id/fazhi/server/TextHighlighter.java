package org.w3id.fazhi.server;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Writes a plain text as paragraphs (one per line) with {@code <mark>} elements over spans given
 * in code points (start inclusive, end exclusive), as RFC 5147 fragments count them. Spans may
 * nest or cross each other and line ends: the longer span is the outer element, and a span cut by
 * a line end or by a crossing span goes on in a second element of class {@code cont} (the first
 * piece alone carries the span's id). Every piece of text goes in with {@code appendText}, so it is
 * escaped.
 */
final class TextHighlighter {

    /** A span to mark: its classes, its attributes ({@code title}, {@code data-*}) and an id or null. */
    record Span(int start, int end, int rank, String classes, Map<String, String> attributes, String id) {}

    private TextHighlighter() {}

    /**
     * Appends the text's lines to {@code parent}; {@code lineElement} gives the element of the
     * line starting at a code-point offset (a {@code p}, or a heading), appended by this method.
     */
    static void write(Element parent, String text, List<Span> spans, IntFunction<Element> lineElement) {
        int[] cps = text.codePoints().toArray();
        int n = cps.length;
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, n));
        List<Span> valid = new ArrayList<>();
        for (Span s : spans) {
            int a = Math.max(0, s.start()), b = Math.min(n, s.end());
            if (a >= b) continue;
            valid.add(s);
            cuts.add(a);
            cuts.add(b);
        }
        for (int i = 0; i < n; i++) {
            if (cps[i] == '\n') {
                cuts.add(i);
                cuts.add(i + 1);
            }
        }
        // Outer first: earlier start, then later end, then the kind's rank.
        valid.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed())
                .thenComparingInt(Span::rank));

        Element line = null;
        List<Span> open = new ArrayList<>();
        List<Element> elements = new ArrayList<>();
        java.util.Set<Span> started = new java.util.HashSet<>();
        Integer a = cuts.first();
        for (Integer b = cuts.higher(a); b != null; a = b, b = cuts.higher(b)) {
            if (cps[a] == '\n') {
                line = null;
                open.clear();
                elements.clear();
                continue;
            }
            if (line == null) line = lineElement.apply(a);
            List<Span> active = new ArrayList<>();
            for (Span s : valid) {
                if (s.start() > a) break;
                if (s.end() >= b) active.add(s);
            }
            int keep = 0;
            while (keep < open.size() && keep < active.size() && open.get(keep) == active.get(keep)) keep++;
            while (open.size() > keep) {
                open.remove(open.size() - 1);
                elements.remove(elements.size() - 1);
            }
            for (int i = keep; i < active.size(); i++) {
                Span s = active.get(i);
                Element into = elements.isEmpty() ? line : elements.get(elements.size() - 1);
                Element mark = into.appendElement("mark").attr("class", s.classes());
                s.attributes().forEach(mark::attr);
                if (started.add(s)) {
                    if (s.id() != null) mark.id(s.id());
                } else {
                    mark.addClass("cont");
                }
                open.add(s);
                elements.add(mark);
            }
            Element into = elements.isEmpty() ? line : elements.get(elements.size() - 1);
            into.appendText(new String(cps, a, b - a));
        }
    }
}
