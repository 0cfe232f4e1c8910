package org.w3id.fazhi.recognize;

/**
 * A headed part of a report. Level 1 is 一、, level 2 (一), level 3 1.; the preamble before the
 * first heading is a section of level 0 with an empty heading.
 */
public record Section(int order, String heading, int level, SectionKind kind, Span span) {

    /** The kind of the innermost section that holds an offset; the preamble's when none does. */
    public static SectionKind kindAt(java.util.List<Section> sections, int offset) {
        SectionKind kind = SectionKind.OVERVIEW;
        for (Section s : sections) {
            if (s.span().start() <= offset && offset < s.span().end()) kind = s.kind();
        }
        return kind;
    }
}
