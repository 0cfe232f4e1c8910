package org.w3id.fazhi.recognize;

/** A stretch of the cleaned text, start inclusive, end exclusive. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
    }

    public boolean contains(Span other) { return start <= other.start && other.end <= end; }

    public int length() { return end - start; }
}
