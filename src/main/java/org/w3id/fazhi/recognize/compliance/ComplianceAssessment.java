package org.w3id.fazhi.recognize.compliance;

import org.w3id.fazhi.recognize.Span;
import org.w3id.fazhi.recognize.metadata.DateSource;
import org.w3id.fazhi.recognize.metadata.DocumentKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * How one report meets the rules that require it ({@link ComplianceAssessor}): which rule applied,
 * each required part and each deadline with its outcome and evidence or the reason it is unknown,
 * whether the text is whole, and how concrete the report is.
 *
 * @param rule         the rule the report was judged by (by its year and kind)
 * @param kind         the kind of document judged
 * @param joint        whether a party committee and a government issued it together (中共某县委 某县人民政府)
 * @param jointEvidence where the joint issuers stand (the signature, or the title), or null
 * @param completeness whether the text is the whole report or stops short of its end
 * @param parts        the five required parts, in the order of the rules
 * @param deadlines    the deadlines the report was held to, the main one first
 * @param concreteness figures, problems and plans stated
 */
public record ComplianceAssessment(Rule rule, DocumentKind kind, boolean joint, Span jointEvidence,
                                   TextCompleteness completeness, List<Finding> parts, List<Finding> deadlines,
                                   Concreteness concreteness) {

    public ComplianceAssessment {
        parts = List.copyOf(parts);
        deadlines = List.copyOf(deadlines);
    }

    /** The rules a report can be judged by. */
    public enum Rule {
        /** 《法治政府建设与责任落实督察工作规定》 (中办 国办 2019), in force from 15 April 2019: reports on 2019 and later. */
        SUPERVISION_RULES_2019,
        /** 《法治政府建设实施纲要（2015—2020年）》: reports on 2015 to 2018, due in the first quarter. */
        IMPLEMENTATION_OUTLINE_2015,
        /** No national rule on annual reports before the 2015 纲要, or a kind of document no rule covers. */
        NONE,
        /** The year covered is not known, so neither is the rule. */
        UNKNOWN
    }

    /** What the rules require of a report: its five parts and its deadlines. */
    public enum Requirement {
        MEASURES_AND_RESULTS("measures-and-results"),
        SHORTCOMINGS("shortcomings"),
        FIRST_RESPONSIBILITY("first-responsibility"),
        NEXT_YEAR_PLANS("next-year-plans"),
        OTHER_MATTERS("other-matters"),
        PUBLICATION_DEADLINE("publication-deadline"),
        DEPARTMENT_REPORTING_DEADLINE("department-reporting-deadline"),
        FIRST_QUARTER_REPORTING("first-quarter-reporting");

        private final String notation;

        Requirement(String notation) { this.notation = notation; }

        /** The requirement's skos:notation in the ontology. */
        public String notation() { return notation; }
    }

    /** EARL's outcome values. */
    public enum Outcome {
        PASSED("passed"), FAILED("failed"), CANT_TELL("cantTell"), INAPPLICABLE("inapplicable");

        private final String local;

        Outcome(String local) { this.local = local; }

        /** The local name of the outcome value in the EARL namespace. */
        public String earlName() { return local; }
    }

    /** Why an outcome is unknown or the requirement does not apply. */
    public enum Reason {
        TEXT_INCOMPLETE, NO_DATE, PUBLICATION_DATE_UNKNOWN, REPORTING_DATE_UNKNOWN, NO_YEAR, MENTIONED_ONLY,
        RULE_NOT_IN_FORCE, NOTHING_ELSE_TO_REPORT, NOT_AN_ANNUAL_REPORT, NO_RULE
    }

    /** Where a date was read. */

    /**
     * One point of the profile.
     *
     * @param requirement  what was checked
     * @param outcome      passed, failed, can't tell or inapplicable
     * @param reason       why it is unknown or inapplicable; null when passed or failed outright
     * @param evidence     the heading, sentence or signature it rests on, or null
     * @param sectionOrder the order of the section the part stands in ({@link Section#order()}), or null
     * @param zh           what was found, in Chinese
     * @param en           the same in English
     * @param deadline     for a deadline: its last day on time; else null
     * @param date         for a deadline: the date it was judged by, or null
     * @param dateSource   where that date was read, or null
     * @param daysLate     for a late report: days after the last day (at least that many when the date is a lower bound)
     * @param statements   for the shortcomings and plans: how many it states; else null
     */
    public record Finding(Requirement requirement, Outcome outcome, Reason reason, Span evidence, Integer sectionOrder,
                          String zh, String en, LocalDate deadline, LocalDate date, DateSource dateSource, Integer daysLate,
                          Integer statements) {

        static Finding part(Requirement r, Outcome o, Reason reason, Span evidence, Integer section, String zh, String en,
                            Integer statements) {
            return new Finding(r, o, reason, evidence, section, zh, en, null, null, null, null, statements);
        }
    }

    /**
     * How concrete the report is.
     *
     * @param characters        the text's characters, whitespace left out (code points)
     * @param facts             quantitative facts stated (every number with its measure word, observations included)
     * @param factsPerTenThousand facts per 10,000 characters, one decimal
     * @param problems          problems stated in the shortcomings part; null when that is not known
     * @param plans             arrangements stated in the next year's part; null when that is not known
     */
    public record Concreteness(int characters, int facts, BigDecimal factsPerTenThousand, Integer problems, Integer plans) {}

    /** The finding of one requirement, or null. */
    public Finding finding(Requirement r) {
        for (Finding f : parts) if (f.requirement() == r) return f;
        for (Finding f : deadlines) if (f.requirement() == r) return f;
        return null;
    }

    /**
     * The five parts taken together: failed when one is absent, can't tell when one is unknown,
     * inapplicable when the rule sets no contents, else passed (the fifth part counts as present
     * when there is nothing else to report).
     */
    public Outcome partsOutcome() {
        return combined(parts);
    }

    /** The main deadline's outcome (publication, or the 2015 纲要's first quarter). */
    public Outcome timelinessOutcome() {
        return deadlines.isEmpty() ? Outcome.INAPPLICABLE : deadlines.get(0).outcome();
    }

    static Outcome combined(List<Finding> findings) {
        boolean unknown = false, applies = false;
        for (Finding f : findings) {
            if (f.outcome() == Outcome.FAILED) return Outcome.FAILED;
            if (f.outcome() == Outcome.CANT_TELL) unknown = true;
            if (f.outcome() == Outcome.PASSED) applies = true;
        }
        return unknown ? Outcome.CANT_TELL : applies ? Outcome.PASSED : Outcome.INAPPLICABLE;
    }
}
