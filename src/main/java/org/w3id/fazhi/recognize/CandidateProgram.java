package org.w3id.fazhi.recognize;

/** A quoted name that looks like a program but is not in the scheme: for a curator to promote. */
public record CandidateProgram(String name, Span span, SectionKind section) {}
