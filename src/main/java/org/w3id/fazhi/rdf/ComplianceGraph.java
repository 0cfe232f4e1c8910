package org.w3id.fazhi.rdf;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.w3id.fazhi.recognize.compliance.ComplianceAssessment;
import org.w3id.fazhi.recognize.compliance.ComplianceAssessment.Finding;
import org.w3id.fazhi.recognize.compliance.ComplianceAssessment.Outcome;
import org.w3id.fazhi.recognize.metadata.DocumentKind;
import org.w3id.fazhi.recognize.Span;

import java.util.Map;

/**
 * A report's compliance assessment in its graph, in the Evaluation and Report Language (EARL 1.0
 * Schema): per requirement an {@code earl:Assertion} by the extractor ({@code earl:assertedBy}, an
 * {@code earl:Assertor}) about the report ({@code earl:subject}) against the requirement
 * ({@code earl:test}, a concept of {@code fz:reportingRequirements}), made automatically
 * ({@code earl:mode earl:automatic}), whose {@code earl:TestResult} gives the outcome, a
 * description in Chinese and English, the reason when it is not plainly passed or failed, and the
 * heading, sentence or signature it rests on ({@code fz:evidence}, an RFC 5147 fragment). The
 * assessment ({@code <report>/compliance}) groups them with the rule applied and the figures.
 */
final class ComplianceGraph {

    private final TripleSink g;
    private final String textIri;
    private final CodePoints cp;
    private final String text;

    private ComplianceGraph(TripleSink g, String textIri, CodePoints cp, String text) {
        this.g = g;
        this.textIri = textIri;
        this.cp = cp;
        this.text = text;
    }

    /**
     * Writes the assessment of a report.
     *
     * @param sections the report's section nodes by {@code Section.order()}
     * @param assertor the extractor's software agent, which makes the assertions
     */
    static void write(TripleSink g, Node report, String reportIri, ComplianceAssessment a, String text, CodePoints cp,
                      Map<Integer, Node> sections, Node assertor) {
        new ComplianceGraph(g, reportIri + "/text", cp, text).assessment(report, reportIri, a, sections, assertor);
    }

    private void assessment(Node report, String reportIri, ComplianceAssessment a, Map<Integer, Node> sections, Node assertor) {
        Node node = g.type(TripleSink.iri(reportIri + "/compliance"), FZ.ComplianceAssessment);
        g.add(report, FZ.complianceAssessment, node);
        Resource rule = switch (a.rule()) {
            case SUPERVISION_RULES_2019 -> FZ.SupervisionRules2019;
            case IMPLEMENTATION_OUTLINE_2015 -> FZ.ImplementationOutline2015;
            case NONE, UNKNOWN -> null;
        };
        if (rule != null) g.add(node, FZ.ruleApplied, rule);
        g.add(node, FZ.assessedAs, kind(a.kind()));
        g.bool(node, FZ.jointReport, a.joint());
        g.bool(node, FZ.textComplete, a.completeness().complete());
        if (!a.completeness().complete()) {
            g.text(node, DCTerms.description, a.completeness().zh(), "zh");
            g.text(node, DCTerms.description, a.completeness().en(), "en");
            if (a.completeness().where() != null) evidence(node, a.completeness().where());
        }
        g.add(node, FZ.partsOutcome, outcome(a.partsOutcome()));
        g.add(node, FZ.timelinessOutcome, outcome(a.timelinessOutcome()));
        int present = 0, missing = 0, unknown = 0;
        for (Finding f : a.parts()) {
            if (f.outcome() == Outcome.PASSED) present++;
            if (f.outcome() == Outcome.FAILED) missing++;
            if (f.outcome() == Outcome.CANT_TELL) unknown++;
            // Under a rule that sets no contents a part may still be there: counted as present.
            if (f.outcome() == Outcome.INAPPLICABLE && f.sectionOrder() != null) present++;
        }
        g.integer(node, FZ.partsPresent, present, XSDDatatype.XSDinteger);
        g.integer(node, FZ.partsMissing, missing, XSDDatatype.XSDinteger);
        g.integer(node, FZ.partsUnknown, unknown, XSDDatatype.XSDinteger);
        ComplianceAssessment.Concreteness c = a.concreteness();
        g.integer(node, FZ.characterCount, c.characters(), XSDDatatype.XSDinteger);
        g.integer(node, FZ.factCount, c.facts(), XSDDatatype.XSDinteger);
        g.typed(node, FZ.factsPerTenThousandChars, ReportGraphBuilder.canonicalDecimal(c.factsPerTenThousand()), XSDDatatype.XSDdecimal);
        if (c.problems() != null) g.integer(node, FZ.problemsStated, c.problems(), XSDDatatype.XSDinteger);
        if (c.plans() != null) g.integer(node, FZ.plansStated, c.plans(), XSDDatatype.XSDinteger);

        g.type(assertor, W3C.Assertor);
        for (Finding f : a.parts()) g.add(node, FZ.assertion, assertion(report, reportIri, f, sections, assertor));
        for (Finding f : a.deadlines()) g.add(node, FZ.assertion, assertion(report, reportIri, f, sections, assertor));
    }

    private Node assertion(Node report, String reportIri, Finding f, Map<Integer, Node> sections, Node assertor) {
        String iri = reportIri + "/compliance/" + f.requirement().notation();
        Node assertion = g.type(TripleSink.iri(iri), W3C.Assertion);
        g.add(assertion, W3C.assertedBy, assertor);
        g.add(assertion, W3C.subject, report);
        g.add(assertion, W3C.test, requirement(f.requirement()));
        g.add(assertion, W3C.mode, W3C.automatic);
        Node result = g.type(TripleSink.iri(iri + "/result"), W3C.TestResult);
        g.add(assertion, W3C.result, result);
        g.add(result, W3C.outcome, outcome(f.outcome()));
        g.text(result, DCTerms.description, f.zh(), "zh");
        g.text(result, DCTerms.description, f.en(), "en");
        if (f.reason() != null) g.add(result, FZ.outcomeReason, reason(f.reason()));
        if (f.evidence() != null) evidence(result, f.evidence());
        if (f.sectionOrder() != null && sections.containsKey(f.sectionOrder())) g.add(result, FZ.section, sections.get(f.sectionOrder()));
        if (f.deadline() != null) g.typed(result, FZ.deadline, f.deadline().toString(), XSDDatatype.XSDdate);
        if (f.date() != null) g.typed(result, FZ.dateJudged, f.date().toString(), XSDDatatype.XSDdate);
        if (f.dateSource() != null) {
            g.add(result, FZ.dateSource, switch (f.dateSource()) {
                case PAGE -> FZ.PageDate;
                case SIGNATURE -> FZ.SignatureDate;
                case DOCUMENT_PROPERTY -> FZ.DocumentPropertyDate;
            });
        }
        if (f.daysLate() != null) g.integer(result, FZ.daysLate, f.daysLate(), XSDDatatype.XSDinteger);
        return assertion;
    }

    /** Where the point rests, and the words there. */
    private void evidence(Node subject, Span s) {
        g.add(subject, FZ.evidence, TripleSink.iri(textIri + "#char=" + cp.at(s.start()) + "," + cp.at(s.end())));
        g.string(subject, FZ.quote, text.substring(s.start(), s.end()));
    }

    static Resource requirement(ComplianceAssessment.Requirement r) {
        return switch (r) {
            case MEASURES_AND_RESULTS -> FZ.MeasuresAndResultsPart;
            case SHORTCOMINGS -> FZ.ShortcomingsPart;
            case FIRST_RESPONSIBILITY -> FZ.FirstResponsibilityPart;
            case NEXT_YEAR_PLANS -> FZ.NextYearPlansPart;
            case OTHER_MATTERS -> FZ.OtherMattersPart;
            case PUBLICATION_DEADLINE -> FZ.PublicationDeadline;
            case DEPARTMENT_REPORTING_DEADLINE -> FZ.DepartmentReportingDeadline;
            case FIRST_QUARTER_REPORTING -> FZ.FirstQuarterReporting;
        };
    }

    static Resource outcome(Outcome o) {
        return W3C.earlOutcome(o.earlName());
    }

    private static Resource reason(ComplianceAssessment.Reason r) {
        return switch (r) {
            case TEXT_INCOMPLETE -> FZ.TextIncomplete;
            case NO_DATE -> FZ.NoDate;
            case PUBLICATION_DATE_UNKNOWN -> FZ.PublicationDateUnknown;
            case REPORTING_DATE_UNKNOWN -> FZ.ReportingDateUnknown;
            case NO_YEAR -> FZ.NoYear;
            case MENTIONED_ONLY -> FZ.MentionedOnly;
            case RULE_NOT_IN_FORCE -> FZ.RuleNotInForce;
            case NOTHING_ELSE_TO_REPORT -> FZ.NothingElseToReport;
            case NOT_AN_ANNUAL_REPORT -> FZ.NotAnAnnualReport;
            case NO_RULE -> FZ.NoRule;
        };
    }

    private static Resource kind(DocumentKind k) {
        return switch (k) {
            case GOVERNMENT -> FZ.GovernmentReport;
            case LEADER -> FZ.LeaderReport;
            case DEPARTMENT -> FZ.DepartmentReport;
        };
    }
}
