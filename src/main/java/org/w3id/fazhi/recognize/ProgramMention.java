package org.w3id.fazhi.recognize;

/** One place where a report names a program of the scheme, in the form it uses. */
public record ProgramMention(Program program, String surface, Span span, SectionKind section) {}
