package org.w3id.fazhi.recognize;

/**
 * A headed part of a report. Level 1 is 一、, level 2 (一), level 3 1.; the preamble before the
 * first heading is a section of level 0 with an empty heading.
 */
public record Section(int order, String heading, int level, SectionKind kind, Span span) {}
