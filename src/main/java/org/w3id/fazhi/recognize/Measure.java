package org.w3id.fazhi.recognize;

/** One concrete thing the report says was done or will be done: a sentence or an enumerated item. */
public record Measure(int order, Span span, int sectionOrder, SectionKind section) {}
