package org.w3id.fazhi.recognize;

/** What a part of a report tells: the preamble, achievements, problems or plans. */
public enum SectionKind {
    OVERVIEW("overview"), ACHIEVEMENT("achievement"), PROBLEM("problem"), PLAN("plan");

    private final String notation;

    SectionKind(String notation) { this.notation = notation; }

    /** The skos:notation of the kind in the ontology. */
    public String notation() { return notation; }

    /** The section a fact is scored under: the preamble reports work done, like the achievements. */
    public String factSection() { return this == OVERVIEW ? ACHIEVEMENT.notation : notation; }
}
