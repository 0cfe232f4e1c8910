package org.w3id.fazhi.store;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.rdf.W3C;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.w3id.fazhi.store.AnswerTables.n;
import static org.w3id.fazhi.store.AnswerTables.row;

/**
 * The answer tables of the saved queries on the reporting rules (the EARL assertions each report's
 * graph carries): the late reports and the reports without the first-responsibility part, a row
 * per assertion; the table by province, computed per year by the load.
 */
final class ComplianceTables {

    private ComplianceTables() {}

    static final Node FAILED = n(W3C.earlOutcome("failed"));
    static final Node CANT_TELL = n(W3C.earlOutcome("cantTell"));
    static final Node EMPTY = NodeFactory.createLiteralString("");

    /** SPARQL's {@code COALESCE(STR(?x), "")}. */
    static Node strOrEmpty(Node x) { return x == null ? EMPTY : ReportView.str(x); }

    /** The assertions of the report's graph whose result has this outcome: (assertion, result). */
    static List<Node[]> assertions(ReportView v, Node outcome) {
        List<Node[]> out = new ArrayList<>();
        for (Node res : v.subjects(n(W3C.outcome), outcome)) {
            for (Node a : v.subjects(n(W3C.result), res)) out.add(new Node[] {a, res});
        }
        return out;
    }

    /** {@code OPTIONAL { ?report fz:region ?r . ?r fz:fullName ?fullName [ OPTIONAL { ?r fz:province/skos:prefLabel ?pl } ] }}: (fullName, pl) pairs, or one pair of nulls. */
    static List<Node[]> regionNames(ReportView v, Node report, boolean withProvince) {
        List<Node[]> out = new ArrayList<>();
        for (Node r : v.objects(report, n(FZ.region))) {
            for (Node name : v.objects(r, n(FZ.fullName))) {
                if (!withProvince) {
                    out.add(new Node[] {name, null});
                    continue;
                }
                List<Node> pls = v.path(r, n(FZ.province), n(SKOS.prefLabel));
                for (Node pl : ReportView.orNull(pls)) out.add(new Node[] {name, pl});
            }
        }
        if (out.isEmpty()) out.add(new Node[] {null, null});
        return out;
    }

    /** A parameter the query compares with a plain string: its text, or null when it is not one. */
    static String plain(Node param) {
        if (param == null || !param.isLiteral()) return null;
        return XSDDatatype.XSDstring.getURI().equals(param.getLiteralDatatypeURI()) ? param.getLiteralLexicalForm() : null;
    }

    /** late-reports: a row per failed timeliness assertion, in order of days late. */
    static final class LateReports extends AnswerTables.ReportRows {
        LateReports() { super("late-reports"); }

        @Override
        void rows(ReportView v, AnswerTables.Emit out) {
            for (Node[] ar : assertions(v, FAILED)) {
                Node a = ar[0], res = ar[1];
                for (Node daysLate : v.objects(res, n(FZ.daysLate)))
                    for (Node dl : v.objects(res, n(FZ.deadline)))
                        for (Node dj : v.objects(res, n(FZ.dateJudged)))
                            for (Node ds : v.notations(res, n(FZ.dateSource)))
                                for (Node rn : v.notations(a, n(W3C.test)))
                                    for (Node report : v.objects(a, n(W3C.subject)))
                                        for (Node y : v.objects(report, n(FZ.year)))
                                            for (Node k : v.notations(report, n(FZ.documentKind)))
                                                for (Node t : v.optional(report, n(DCTerms.title)))
                                                    for (Node[] rp : regionNames(v, report, true)) {
                                                        out.row(AnswerTable.NO_KEY, row("region", rp[0] == null ? EMPTY : rp[0],
                                                                "province", strOrEmpty(rp[1]), "year", ReportView.str(y),
                                                                "kind", ReportView.str(k), "requirement", ReportView.str(rn),
                                                                "deadline", ReportView.str(dl), "date", ReportView.str(dj),
                                                                "date_source", ReportView.str(ds), "days_late", daysLate,
                                                                "title", strOrEmpty(t)), null, null);
                                                    }
            }
        }

        @Override
        AnswerTable.Request request(Map<String, Node> params, Lookups lookups) { return AnswerTable.Request.key(NO_KEY); }
    }

    /**
     * reports-missing-first-responsibility: a row per assertion on the first-responsibility part
     * that failed (key {@code no}, and {@code yes}) or cannot tell (key {@code yes} only).
     */
    static final class MissingFirstResponsibility extends AnswerTables.ReportRows {
        MissingFirstResponsibility() { super("reports-missing-first-responsibility"); }

        @Override
        void rows(ReportView v, AnswerTables.Emit out) {
            for (Node outcome : List.of(FAILED, CANT_TELL)) {
                for (Node[] ar : assertions(v, outcome)) {
                    Node a = ar[0], res = ar[1];
                    if (!v.has(a, n(W3C.test), n(FZ.FirstResponsibilityPart))) continue;
                    for (Node d : v.labels(res, n(DCTerms.description), "zh"))
                        for (Node rn : ReportView.orNull(v.notations(res, n(FZ.outcomeReason))))
                            for (Node q : v.optional(res, n(FZ.quote)))
                                for (Node report : v.objects(a, n(W3C.subject)))
                                    for (Node y : v.objects(report, n(FZ.year)))
                                        for (Node k : v.notations(report, n(FZ.documentKind)))
                                            for (Node t : v.optional(report, n(DCTerms.title)))
                                                for (Node[] rp : regionNames(v, report, false)) {
                                                    var r = row("region", rp[0] == null ? EMPTY : rp[0], "year", ReportView.str(y),
                                                            "kind", ReportView.str(k),
                                                            "outcome", NodeFactory.createLiteralString(outcome.getLocalName()),
                                                            "reason", strOrEmpty(rn), "description", d, "quote", strOrEmpty(q),
                                                            "title", strOrEmpty(t));
                                                    if (outcome.equals(FAILED)) out.row("no", r, null, null);
                                                    out.row("yes", r, null, null);
                                                }
                }
            }
        }

        @Override
        AnswerTable.Request request(Map<String, Node> params, Lookups lookups) {
            Node p = params.get("include_unknown");
            String v = plain(p);
            if (v == null) return AnswerTable.Request.fallback("include_unknown is not a plain string");
            return AnswerTable.Request.key(v.equals("yes") ? "yes" : "no");
        }
    }

    /**
     * report-compliance: a row per assertion of a report's assessment, keyed by the report's key
     * (what its address ends with), in the rules' order.
     */
    static final class ReportCompliance extends AnswerTables.ReportRows {
        ReportCompliance() { super("report-compliance", "position"); }

        /** The requirements in the rules' order: the five parts, then the deadlines (the query's VALUES). */
        static final List<Node> ORDER = List.of(n(FZ.MeasuresAndResultsPart), n(FZ.ShortcomingsPart), n(FZ.FirstResponsibilityPart),
                n(FZ.NextYearPlansPart), n(FZ.OtherMattersPart), n(FZ.PublicationDeadline), n(FZ.FirstQuarterReporting),
                n(FZ.DepartmentReportingDeadline));
        static final String REPORT_PATH = "/id/report/", SUFFIX = "/compliance";

        /** The keys an assessment's address answers: what lies between each /id/report/ in it and its end /compliance. */
        static List<String> keys(Node c) {
            List<String> out = new ArrayList<>();
            if (!c.isURI() || !c.getURI().endsWith(SUFFIX)) return out;
            String iri = c.getURI(), head = iri.substring(0, iri.length() - SUFFIX.length());
            for (int i = head.indexOf(REPORT_PATH); i >= 0; i = head.indexOf(REPORT_PATH, i + 1)) {
                out.add(head.substring(i + REPORT_PATH.length()));
            }
            return out;
        }

        @Override
        void rows(ReportView v, AnswerTables.Emit out) {
            for (Node c : v.ofType(n(FZ.ComplianceAssessment))) {
                List<String> keys = keys(c);
                if (keys.isEmpty()) continue;
                for (Node a : v.objects(c, n(FZ.assertion)))
                    for (Node t : v.objects(a, n(W3C.test))) {
                        int position = ORDER.indexOf(t) + 1;
                        if (position == 0) continue;
                        for (Node res : v.objects(a, n(W3C.result)))
                            for (Node nt : v.objects(t, n(SKOS.notation)))
                                for (Node art : v.objects(t, n(FZ.article)))
                                    for (Node o : v.objects(res, n(W3C.outcome)))
                                        for (Node d : v.labels(res, n(DCTerms.description), "zh"))
                                            for (Node rn : ReportView.orNull(v.notations(res, n(FZ.outcomeReason))))
                                                for (Node sl : ReportView.orNull(v.path(res, n(FZ.section), ReportView.LABEL)))
                                                    for (Node q : v.optional(res, n(FZ.quote)))
                                                        for (Node e : v.optional(res, n(FZ.evidence)))
                                                            for (Node dl : v.optional(res, n(FZ.deadline)))
                                                                for (Node dj : v.optional(res, n(FZ.dateJudged)))
                                                                    for (Node ds : ReportView.orNull(v.notations(res, n(FZ.dateSource))))
                                                                        for (Node late : v.optional(res, n(FZ.daysLate))) {
                                                                            var r = row("requirement", ReportView.str(nt), "article", ReportView.str(art),
                                                                                    "outcome", NodeFactory.createLiteralString(afterHash(o)),
                                                                                    "reason", strOrEmpty(rn), "description", d, "section", strOrEmpty(sl),
                                                                                    "quote", strOrEmpty(q), "evidence", strOrEmpty(e),
                                                                                    "deadline", strOrEmpty(dl), "date", strOrEmpty(dj),
                                                                                    "date_source", strOrEmpty(ds), "days_late", late == null ? EMPTY : late,
                                                                                    "position", NodeFactory.createLiteralDT(Integer.toString(position), XSDDatatype.XSDinteger));
                                                                            for (String key : keys) out.row(key, r, null, null);
                                                                        }
                    }
            }
        }

        /** SPARQL's {@code STRAFTER(STR(?o), "#")}. */
        private static String afterHash(Node o) {
            String s = o.isURI() ? o.getURI() : o.isLiteral() ? o.getLiteralLexicalForm() : "";
            int i = s.indexOf('#');
            return i < 0 ? "" : s.substring(i + 1);
        }

        @Override
        AnswerTable.Request request(Map<String, Node> params, Lookups lookups) {
            String report = plain(params.get("report"));
            if (report == null) return AnswerTable.Request.fallback("the report's key is not a plain string");
            return AnswerTable.Request.key(report);
        }
    }

    /**
     * compliance-by-province: the saved query's answer per year covered (and for every year) and
     * per grouping (by level, by year), computed by the load for the years its reports cover.
     */
    static final class ByProvince extends AnswerTables.Computed {
        ByProvince() { super("compliance-by-province"); }

        static final String YEARS = "SELECT DISTINCT ?y WHERE { ?report a fz:Report ; fz:year ?y }";
        static final List<String> YES_NO = List.of("yes", "no");

        static String key(String year, String byLevel, String byYear) { return year + "|" + byLevel + "|" + byYear; }

        @Override
        Map<String, Map<String, Node>> keys(Lookups lookups) {
            Set<String> years = new TreeSet<>();
            years.add("");
            try (QueryExec exec = QueryExec.dataset(lookups.dataset()).query(Lookups.PREFIXES + YEARS).set(Answers.SCAN, true).build()) {
                exec.select().forEachRemaining(b -> {
                    Node y = b.get(Var.alloc("y"));
                    if (y != null && y.isLiteral()) years.add(y.getLiteralLexicalForm());
                });
            }
            Map<String, Map<String, Node>> out = new LinkedHashMap<>();
            for (String y : years)
                for (String l : YES_NO)
                    for (String by : YES_NO)
                        out.put(key(y, l, by), Map.of("for_year", NodeFactory.createLiteralString(y),
                                "by_level", NodeFactory.createLiteralString(l), "by_year", NodeFactory.createLiteralString(by)));
            return out;
        }

        @Override
        Set<String> touched(Set<Node> indicators, Set<String> years, Set<String> known) {
            // Every grouping of every year the changed reports cover, and of all years; a year no
            // report covers any more has no key left, and its rows go.
            Set<String> want = new TreeSet<>(years);
            want.add("");
            Set<String> out = new LinkedHashSet<>();
            for (String y : want)
                for (String l : YES_NO)
                    for (String by : YES_NO) out.add(key(y, l, by));
            return out;
        }

        @Override
        AnswerTable.Request request(Map<String, Node> params, Lookups lookups) {
            String year = plain(params.get("for_year")), byLevel = plain(params.get("by_level")), byYear = plain(params.get("by_year"));
            if (year == null || byLevel == null || byYear == null) return AnswerTable.Request.fallback("a parameter is not a plain string");
            // The query reads any value but "no" as yes.
            return AnswerTable.Request.key(key(year, byLevel.equals("no") ? "no" : "yes", byYear.equals("no") ? "no" : "yes"));
        }
    }
}
