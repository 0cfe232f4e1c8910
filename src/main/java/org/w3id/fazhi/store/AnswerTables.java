package org.w3id.fazhi.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.rdf.W3C;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The answer tables, one per saved query the store answers from them, of three kinds:
 *
 * <ul>
 * <li>{@link ReportRows}: rows that come each from one report (a program mention, a measure, an
 * observation, the report itself). A load computes a report's rows from its graph and the
 * vocabularies when it writes the report, and deletes them with the report. The row source is
 * Java that follows the query's pattern step by step; {@code AnswersTest} holds every table to
 * the query's own answer.</li>
 * <li>{@link Computed}: answers across reports (counts, lists of regions) with few rows. A load
 * runs the saved query itself for every key its reports touch, in its write transaction, and
 * keeps the rows.</li>
 * <li>{@link Coverage}: indicator-coverage, which lists for every report the indicators it does
 * not give: its rows are made a page at a time from the reports in order of region and year
 * (a table of its own) and the indicator rollups.</li>
 * </ul>
 *
 * <p>To add a saved query: write the {@code .rq} as usual, then a class here (a {@code ReportRows}
 * when each row comes from one report, a {@code Computed} when the answer is a summary across
 * reports), add it to {@link #ALL}, and name it in {@code AnswersTest}. See docs/architecture.md.
 */
final class AnswerTables {

    private AnswerTables() {}

    // ------------------------------------------------------------------ shared lookups

    /** The programs a label, variant label or code names, as the saved queries match them. */
    static final String PROGRAM = "SELECT DISTINCT ?out WHERE { ?out a fz:Program ; skos:prefLabel|skos:altLabel|skos:notation ?label . FILTER (STR(?label) = ?in) }";
    static final String INDICATOR = "SELECT DISTINCT ?out WHERE { ?out a fz:Indicator ; skos:notation|skos:prefLabel|skos:altLabel ?label . FILTER (STR(?label) = ?in) }";
    static final String THEME = "SELECT DISTINCT ?out WHERE { ?out a fz:Theme . { ?out skos:prefLabel|skos:altLabel ?l } "
            + "UNION { ?out skos:closeMatch ?c . ?c skos:prefLabel|skos:altLabel ?l } FILTER (CONTAINS(STR(?l), ?in)) }";
    static final String INDICATOR_CODE = "SELECT DISTINCT ?out WHERE { ?out a fz:Indicator ; skos:notation ?code ; skos:prefLabel ?il . "
            + "FILTER (LANG(?il) = \"zh\") FILTER (?code = ?in || STR(?il) = ?in) }";

    static final Node TYPE = RDF.type.asNode();

    static Node n(org.apache.jena.rdf.model.RDFNode r) { return r.asNode(); }

    static String string(Node param) {
        return param != null && param.isLiteral() ? param.getLiteralLexicalForm() : null;
    }

    /** A parameter naming one thing of a kind; several (a label two programs share) or none fall back or answer nothing. */
    static AnswerTable.Request one(Lookups lookups, String select, Node param, String what) {
        if (param == null || !param.isLiteral()) return AnswerTable.Request.fallback("the parameter is not a string");
        List<Node> found = lookups.values(select, param);
        if (found.isEmpty()) return AnswerTable.Request.key("\u0000none");
        if (found.size() > 1) return AnswerTable.Request.fallback("'" + param.getLiteralLexicalForm() + "' names " + found.size() + " " + what);
        return AnswerTable.Request.key(found.get(0).getURI());
    }

    /**
     * A keyword the index finds exactly: two or more CJK ideographs (the index holds character
     * pairs, so a phrase of pairs finds every sentence that contains them in a row, and only those).
     */
    static AnswerTable.Request keyword(Node param) {
        String k = string(param);
        if (k == null) return AnswerTable.Request.fallback("the keyword is not a string");
        if (k.codePointCount(0, k.length()) < 2) return AnswerTable.Request.fallback("a keyword of one character is matched by scanning");
        if (!k.codePoints().allMatch(AnswerTables::ideograph)) {
            return AnswerTable.Request.fallback("a keyword with characters other than CJK ideographs is matched by scanning");
        }
        return AnswerTable.Request.keyword(k);
    }

    static boolean ideograph(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x3FFFF);
    }

    static Binding row(Object... varsAndValues) {
        BindingBuilder b = Binding.builder();
        for (int i = 0; i < varsAndValues.length; i += 2) {
            Node v = (Node) varsAndValues[i + 1];
            if (v != null) b.add(Var.alloc((String) varsAndValues[i]), v);
        }
        return b.build();
    }

    /** Each (region full name, year as text) of a report. */
    static List<Node[]> regionYears(ReportView v, Node report) {
        List<Node[]> out = new ArrayList<>();
        for (Node name : v.path(report, n(FZ.region), n(FZ.fullName))) {
            for (Node y : v.objects(report, n(FZ.year))) out.add(new Node[] {name, ReportView.str(y)});
        }
        return out;
    }

    // ------------------------------------------------------------------ kinds

    /** Where a table's rows go while a report is read. */
    interface Emit {
        /** A row under a key; {@code text} is searched by keyword, {@code distinct} counted; either may be null. */
        void row(String key, Binding row, String text, List<String> distinct);
    }

    /** A table whose rows come each from one report. */
    abstract static class ReportRows extends AnswerTable {
        ReportRows(String name, String... extras) { super(name, extras); }

        ReportRows(String name, Query query, String... extras) { super(name, query, extras); }

        /** The report's rows. */
        abstract void rows(ReportView v, Emit out);

        /** Whether the table takes labels of things other reports describe too (see {@link Agencies}). */
        boolean acrossReports() { return false; }
    }

    /** A table whose answer, per key, is the saved query's own, run by the load. */
    abstract static class Computed extends AnswerTable {
        Computed(String name) { super(name); }

        /** Every key, and the parameter values its answer is computed with. */
        abstract Map<String, Map<String, Node>> keys(Lookups lookups);

        /**
         * Of the table's keys ({@code known}, those of {@link #keys}), the ones whose answers a load may
         * change, given the indicators and the years (as text) of the reports it wrote or removed: all,
         * unless said otherwise. A key returned that is not known any more has its rows deleted.
         */
        Set<String> touched(Set<Node> indicators, Set<String> years, Set<String> known) { return known; }
    }

    // ------------------------------------------------------------------ report rows

    /** regions-practising-program: a row per program mention, keyed by the program. */
    static final class RegionsPractisingProgram extends ReportRows {
        RegionsPractisingProgram() { super("regions-practising-program"); }

        @Override
        void rows(ReportView v, Emit out) {
            for (Node mention : v.ofType(n(FZ.ProgramMention))) {
                for (Node p : v.objects(mention, n(FZ.program))) {
                    if (!v.hasType(p, n(FZ.Program))) continue;
                    for (Node report : v.objects(mention, n(FZ.report))) {
                        for (Node status : v.notations(mention, n(FZ.status))) {
                            for (Node surface : v.objects(mention, n(FZ.surface))) {
                                List<Node> sentences = v.path(mention, n(FZ.measure), n(FZ.quote));
                                for (Node sentence : ReportView.orNull(sentences)) {
                                    for (Node own : v.optional(mention, n(FZ.quote))) {
                                        Node quote = sentence != null ? sentence : own;
                                        for (Node[] ry : regionYears(v, report)) {
                                            out.row(p.getURI(), row("region", ry[0], "year", ry[1], "status", status,
                                                    "surface", ReportView.str(surface), "quote", quote), null, null);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        @Override
        Request request(Map<String, Node> params, Lookups lookups) {
            return one(lookups, PROGRAM, params.get("program"), "programs");
        }
    }

    /**
     * agencies-for-program: a row per measure naming the program and an agency, with every name
     * and kind any report gives the agency (the query looks them up across all graphs, and one
     * agency is 江北新区管理委员会 in one report and 江北新区管委会 in another). So a report's rows
     * depend on other reports' descriptions of its agencies: the load computes them with the names
     * the whole store gives, again for every report that names an agency a changed report describes.
     */
    static final class Agencies extends ReportRows {
        Agencies() { super("agencies-for-program"); }

        @Override
        boolean acrossReports() { return true; }

        /** The measure-level part: (program, agency, quote, region), from the report alone. */
        record Base(String program, Node agency, Node quote, Node region) {}

        static List<Base> base(ReportView v) {
            List<Base> out = new ArrayList<>();
            for (Node m : v.ofType(n(FZ.Measure))) {
                for (Node p : v.objects(m, n(FZ.mentionsProgram))) {
                    if (!v.hasType(p, n(FZ.Program))) continue;
                    for (Node a : v.objects(m, n(FZ.mentionsAgency))) {
                        for (Node quote : v.objects(m, n(FZ.quote))) {
                            for (Node report : v.objects(m, n(FZ.report))) {
                                for (Node region : v.path(report, n(FZ.region), n(FZ.fullName))) {
                                    out.add(new Base(p.getURI(), a, quote, region));
                                }
                            }
                        }
                    }
                }
            }
            return out;
        }

        /** Names and kinds of an agency across the graphs the rows are computed with. */
        interface Names {
            List<Node> names(Node agency);

            List<Node> kinds(Node agency);
        }

        /** An agency's names and kinds in a graph (a report's, or the store's union). */
        static Names names(org.apache.jena.graph.Graph g) {
            return new Names() {
                @Override
                public List<Node> names(Node agency) {
                    Set<Node> out = new LinkedHashSet<>();
                    g.find(agency, n(SKOS.prefLabel), Node.ANY).forEachRemaining(t -> out.add(ReportView.str(t.getObject())));
                    return new ArrayList<>(out);
                }

                @Override
                public List<Node> kinds(Node agency) {
                    Set<Node> out = new LinkedHashSet<>();
                    g.find(agency, TYPE, Node.ANY).forEachRemaining(t -> {
                        Node type = t.getObject();
                        if (!g.contains(type, n(RDFS.subClassOf), n(FZ.Agency))) return;
                        g.find(type, n(RDFS.label), Node.ANY).forEachRemaining(l -> {
                            if (l.getObject().isLiteral() && "en".equals(l.getObject().getLiteralLanguage())) out.add(ReportView.str(l.getObject()));
                        });
                    });
                    return new ArrayList<>(out);
                }
            };
        }

        static void expand(List<Base> base, Names names, Emit out) {
            for (Base b : base) {
                for (Node agency : names.names(b.agency())) {
                    for (Node kind : names.kinds(b.agency())) {
                        out.row(b.program(), row("region", b.region(), "agency", agency, "kind", kind, "quote", b.quote()), null, null);
                    }
                }
            }
        }

        /** Not used: {@link Answers} takes the base rows and expands them with the names of the whole store. */
        @Override
        void rows(ReportView v, Emit out) {
            throw new UnsupportedOperationException("agencies-for-program rows are made from base rows and the store's names");
        }

        @Override
        Request request(Map<String, Node> params, Lookups lookups) {
            return one(lookups, PROGRAM, params.get("program"), "programs");
        }
    }

    /** indicator-across-regions: a row per observation, keyed by the indicator. */
    static final class IndicatorAcrossRegions extends ReportRows {
        IndicatorAcrossRegions() { super("indicator-across-regions"); }

        @Override
        void rows(ReportView v, Emit out) {
            for (Node fact : v.ofType(n(W3C.Observation))) {
                for (Node i : v.objects(fact, n(FZ.indicator))) {
                    if (!v.hasType(i, n(FZ.Indicator))) continue;
                    for (Node value : v.objects(fact, n(FZ.value)))
                        for (Node unit : v.notations(fact, n(W3C.unitMeasure)))
                            for (Node approximation : v.notations(fact, n(FZ.approximation)))
                                for (Node numberText : v.objects(fact, n(FZ.numberText)))
                                    for (Node quote : v.objects(fact, n(FZ.quote)))
                                        for (Node report : v.objects(fact, n(FZ.report)))
                                            for (Node[] ry : regionYears(v, report)) {
                                                out.row(i.getURI(), row("region", ry[0], "year", ry[1], "value", value, "unit", unit,
                                                        "approximation", approximation, "number_text", numberText, "quote", quote), null, null);
                                            }
                }
            }
        }

        @Override
        Request request(Map<String, Node> params, Lookups lookups) {
            return one(lookups, INDICATOR, params.get("indicator"), "indicators");
        }
    }

    /** measures-by-theme: a row per measure and program or indicator of a theme it names, keyed by the theme. */
    static final class MeasuresByTheme extends ReportRows {
        MeasuresByTheme() { super("measures-by-theme"); }

        @Override
        void rows(ReportView v, Emit out) {
            for (Node m : v.ofType(n(FZ.Measure))) {
                // (theme, what it comes through): the programs the measure names, the indicators of its facts.
                List<Node[]> via = new ArrayList<>();
                for (Node x : v.objects(m, n(FZ.mentionsProgram))) {
                    if (v.hasType(x, n(FZ.Program))) for (Node t : v.objects(x, n(FZ.theme))) via.add(new Node[] {t, x});
                }
                v.report().find(Node.ANY, n(FZ.measure), m).forEachRemaining(f -> {
                    for (Node x : v.objects(f.getSubject(), n(FZ.indicator))) {
                        if (v.hasType(x, n(FZ.Indicator))) for (Node t : v.objects(x, n(FZ.theme))) via.add(new Node[] {t, x});
                    }
                });
                if (via.isEmpty()) continue;
                for (Node quote : v.objects(m, n(FZ.quote))) {
                    for (Node report : v.objects(m, n(FZ.report))) {
                        for (Node[] ry : regionYears(v, report)) {
                            for (Node[] tx : via) {
                                if (!v.hasType(tx[0], n(FZ.Theme))) continue;
                                for (Node area : v.zhPrefLabels(tx[0])) {
                                    for (Node xl : v.zhPrefLabels(tx[1])) {
                                        out.row(tx[0].getURI(), row("region", ry[0], "year", ry[1], "area", area, "via", xl, "quote", quote), null, null);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        @Override
        Request request(Map<String, Node> params, Lookups lookups) {
            Node theme = params.get("theme");
            if (theme == null || !theme.isLiteral()) return Request.fallback("the parameter is not a string");
            List<Node> themes = lookups.values(THEME, theme);
            // Each theme's rows carry its own area, so the rows of several themes never coincide: merged in order.
            return themes.isEmpty() ? Request.key("\u0000none") : Request.of(themes.stream().map(Node::getURI).toList());
        }
    }

    /** measures-joining-programs: a row per measure and pair of programs it names (a program with itself too). */
    static final class MeasuresJoiningPrograms extends ReportRows {
        MeasuresJoiningPrograms() { super("measures-joining-programs"); }

        static String pair(String a, String b) { return a.compareTo(b) <= 0 ? a + ' ' + b : b + ' ' + a; }

        @Override
        void rows(ReportView v, Emit out) {
            for (Node m : v.ofType(n(FZ.Measure))) {
                List<Node> programs = new ArrayList<>();
                for (Node p : v.objects(m, n(FZ.mentionsProgram))) if (v.hasType(p, n(FZ.Program))) programs.add(p);
                if (programs.isEmpty()) continue;
                for (Node quote : v.objects(m, n(FZ.quote)))
                    for (Node section : v.notations(m, n(FZ.sectionKind)))
                        for (Node report : v.objects(m, n(FZ.report)))
                            for (Node[] ry : regionYears(v, report)) {
                                Binding r = row("region", ry[0], "year", ry[1], "section", section, "quote", quote);
                                for (int i = 0; i < programs.size(); i++) {
                                    for (int j = i; j < programs.size(); j++) {
                                        out.row(pair(programs.get(i).getURI(), programs.get(j).getURI()), r, null, null);
                                    }
                                }
                            }
            }
        }

        @Override
        Request request(Map<String, Node> params, Lookups lookups) {
            Request a = one(lookups, PROGRAM, params.get("program_a"), "programs");
            Request b = one(lookups, PROGRAM, params.get("program_b"), "programs");
            if (!a.answers()) return a;
            if (!b.answers()) return b;
            return Request.key(pair(a.keys().get(0), b.keys().get(0)));
        }
    }

    /** search-measures: a row per measure, found by keyword. */
    static final class SearchMeasures extends ReportRows {
        SearchMeasures() { super("search-measures", "order"); }

        @Override
        void rows(ReportView v, Emit out) {
            for (Node m : v.ofType(n(FZ.Measure))) {
                Node order = order(m);
                for (Node quote : v.objects(m, n(FZ.quote)))
                    for (Node section : v.notations(m, n(FZ.sectionKind)))
                        for (Node report : v.objects(m, n(FZ.report))) {
                            List<Node> names = v.path(report, n(FZ.region), n(FZ.fullName));
                            if (names.isEmpty()) continue;
                            for (Node y : v.objects(report, n(FZ.year))) {
                                // GROUP BY the measure, SAMPLE of the region's names.
                                out.row(NO_KEY, row("region", names.get(0), "year", ReportView.str(y), "section", section, "quote", quote,
                                        "order", order), quote.getLiteralLexicalForm(), null);
                            }
                        }
            }
        }

        /** {@code xsd:integer(STRAFTER(STR(?m), "/measure/"))}: the measure's place in its report, or none. */
        static Node order(Node m) {
            String s = m.getURI();
            int at = s.indexOf("/measure/");
            if (at < 0) return null;
            String tail = s.substring(at + "/measure/".length());
            try {
                NodeValue v = org.apache.jena.sparql.function.CastXSD.cast(NodeValue.makeString(tail), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger);
                return v.asNode();
            } catch (RuntimeException e) {
                return null;
            }
        }

        @Override
        Request request(Map<String, Node> params, Lookups lookups) {
            return keyword(params.get("keyword"));
        }
    }

    /**
     * problems-by-keyword: a row per sentence of a problems section, found by keyword; the number of
     * regions is counted over every match (also those of reports without a name or year, as the
     * query's own count is).
     */
    static final class ProblemsByKeyword extends ReportRows {
        ProblemsByKeyword() { super("problems-by-keyword"); }

        /** A sentence that counts a region but gives no row. */
        static final String COUNT_ONLY = "\u0000count";

        @Override
        void rows(ReportView v, Emit out) {
            for (Node m : v.ofType(n(FZ.Measure))) {
                if (!v.has(m, n(FZ.sectionKind), n(FZ.Problems))) continue;
                for (Node quote : v.objects(m, n(FZ.quote))) {
                    if (!quote.isLiteral()) continue;
                    String text = quote.getLiteralLexicalForm();
                    for (Node report : v.objects(m, n(FZ.report))) {
                        for (Node r : v.objects(report, n(FZ.region))) {
                            List<String> distinct = r.isURI() ? List.of(r.getURI()) : List.of();
                            boolean any = false;
                            for (Node name : v.objects(r, n(FZ.fullName))) {
                                for (Node y : v.objects(report, n(FZ.year))) {
                                    out.row(NO_KEY, row("region", name, "year", ReportView.str(y), "quote", quote), text, distinct);
                                    any = true;
                                }
                            }
                            if (!any) out.row(COUNT_ONLY, row(), text, distinct);
                        }
                    }
                }
            }
        }

        @Override
        Request request(Map<String, Node> params, Lookups lookups) {
            return keyword(params.get("keyword"));
        }
    }

    /** reports: a row per report, from the counts written with it. */
    static final class Reports extends ReportRows {
        Reports() { super("reports"); }

        @Override
        void rows(ReportView v, Emit out) {
            for (Node report : v.ofType(n(FZ.Report))) {
                for (Node r : v.objects(report, n(FZ.region)))
                    for (Node y : v.objects(report, n(FZ.year)))
                        for (Node t : v.objects(report, n(DCTerms.title)))
                            for (Node level : v.path(report, n(FZ.level), n(SKOS.prefLabel))) {
                                if (!level.isLiteral() || !"zh".equals(level.getLiteralLanguage())) continue;
                                for (Node region : v.objects(r, n(FZ.fullName)))
                                    for (Node province : v.path(r, n(FZ.province), n(SKOS.prefLabel)))
                                        for (Node d : v.optional(report, n(DCTerms.issued)))
                                            for (Node measures : v.objects(report, n(FZ.measureCount)))
                                                for (Node no : v.objects(report, n(FZ.observationCount)))
                                                    for (Node nn : v.objects(report, n(FZ.numberCount)))
                                                        for (Node npr : v.objects(report, n(FZ.practicesCount)))
                                                            for (Node npl : v.objects(report, n(FZ.plansCount))) {
                                                                NodeValue facts = XSDFuncOp.numAdd(NodeValue.makeNode(no), NodeValue.makeNode(nn));
                                                                NodeValue programs = XSDFuncOp.numAdd(NodeValue.makeNode(npr), NodeValue.makeNode(npl));
                                                                NodeValue sum = XSDFuncOp.numAdd(XSDFuncOp.numAdd(NodeValue.makeNode(measures), facts), programs);
                                                                if (NodeValue.compare(sum, NodeValue.makeInteger(0)) <= 0) continue;
                                                                out.row(NO_KEY, row("region", region, "province", ReportView.str(province),
                                                                        "level", ReportView.str(level), "year", ReportView.str(y), "title", ReportView.str(t),
                                                                        "issued", d == null ? NodeFactory.createLiteralString("") : ReportView.str(d),
                                                                        "measures", measures, "facts", facts.asNode(), "programs", programs.asNode()), null, null);
                                                            }
                            }
            }
        }

        @Override
        Request request(Map<String, Node> params, Lookups lookups) { return Request.key(NO_KEY); }
    }

    /**
     * planned-not-practised: a row per program a report plans and does not practise. Which other
     * regions practise it changes with every load, so those two columns are added to a page when
     * it is read, from the program's rollup row (see {@link Answers}).
     */
    static final class PlannedNotPractised extends ReportRows {
        PlannedNotPractised() { super("planned-not-practised", "r", "p"); }

        @Override
        void rows(ReportView v, Emit out) {
            for (Node report : v.ofType(n(FZ.Report))) {
                for (Node p : v.objects(report, n(FZ.plans))) {
                    if (v.has(report, n(FZ.practices), p)) continue;
                    // The first sentence of the report's planned mentions of the program.
                    String first = null;
                    for (Node mention : v.ofType(n(FZ.ProgramMention))) {
                        if (!v.has(mention, n(FZ.status), n(FZ.Planned)) || !v.has(mention, n(FZ.program), p)
                                || !v.has(mention, n(FZ.report), report)) continue;
                        for (Node q : v.path(mention, n(FZ.measure), n(FZ.quote))) {
                            String s = q.isLiteral() ? q.getLiteralLexicalForm() : q.toString();
                            if (first == null || s.compareTo(first) < 0) first = s;
                        }
                    }
                    Node quote = first == null ? null : NodeFactory.createLiteralString(first);
                    for (Node r : v.objects(report, n(FZ.region)))
                        for (Node region : v.objects(r, n(FZ.fullName)))
                            for (Node y : v.objects(report, n(FZ.year)))
                                for (Node program : v.zhPrefLabels(p)) {
                                    out.row(NO_KEY, row("region", region, "year", ReportView.str(y), "program", program, "quote", quote,
                                            "r", r, "p", p), null, null);
                                }
                }
            }
        }

        @Override
        Request request(Map<String, Node> params, Lookups lookups) { return Request.key(NO_KEY); }
    }

    /** The reports in order of region and year, with the indicators each gives: what {@link Coverage} pages through. */
    static final class ReportOrder extends ReportRows {
        static final String NAME = "indicator-coverage/reports";

        /** The reports as the query's subquery of reports gives them, in the order its rows begin with. */
        ReportOrder() {
            super(NAME, org.apache.jena.query.QueryFactory.create(
                    "SELECT ?region ?year ?report WHERE { } ORDER BY STR(?region) ?year"), "given");
        }

        @Override
        void rows(ReportView v, Emit out) {
            for (Node report : v.ofType(n(FZ.Report))) {
                Set<String> given = new TreeSet<>();
                // MINUS { ?g fz:indicator ?i ; fz:report ?report }: what the report gives a number for.
                v.report().find(Node.ANY, n(FZ.report), report).forEachRemaining(t -> {
                    for (Node i : v.objects(t.getSubject(), n(FZ.indicator))) if (i.isURI()) given.add(i.getURI());
                });
                for (Node[] ry : regionYears(v, report)) {
                    out.row(NO_KEY, row("region", ry[0], "year", ry[1], "report", report,
                            "given", NodeFactory.createLiteralString(String.join(" ", given))), null, null);
                }
            }
        }

        @Override
        Request request(Map<String, Node> params, Lookups lookups) { return Request.key(NO_KEY); }
    }

    // ------------------------------------------------------------------ computed

    /** A table without parameters (or with a least-value parameter), computed whole. */
    static class ComputedWhole extends Computed {
        private final String atLeast;
        private final String atLeastColumn;
        private final String atLeastDefault;

        ComputedWhole(String name) { this(name, null, null, null); }

        /**
         * A table whose parameter is the least value of a column the answer is sorted on (largest
         * first): kept for the least value its rows can have, and cut when read.
         */
        ComputedWhole(String name, String param, String column, String least) {
            super(name);
            this.atLeast = param;
            this.atLeastColumn = column;
            this.atLeastDefault = least;
        }

        @Override
        Map<String, Map<String, Node>> keys(Lookups lookups) {
            if (atLeast == null) return Map.of(NO_KEY, Map.of());
            return Map.of(NO_KEY, Map.of(atLeast, NodeFactory.createLiteralDT(atLeastDefault, org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
        }

        @Override
        Request request(Map<String, Node> params, Lookups lookups) {
            if (atLeast == null) return Request.key(NO_KEY);
            Node v = params.get(atLeast);
            if (v == null || !v.isLiteral()) return Request.fallback("the parameter is not a number");
            NodeValue nv = NodeValue.makeNode(v);
            if (!nv.isNumber()) return Request.fallback("the parameter is not a number");
            BigDecimal least = nv.getDecimal();
            // Below the least value a row can have, every row answers: the kept answer as it is.
            if (least.compareTo(new BigDecimal(atLeastDefault)) <= 0) return Request.key(NO_KEY);
            return new Request(List.of(NO_KEY), null, atLeastColumn, least, null);
        }
    }

    /** indicator-totals-by-province: per indicator (and for all, the empty code). */
    static final class IndicatorTotals extends Computed {
        IndicatorTotals() { super("indicator-totals-by-province"); }

        static final String ALL = "SELECT DISTINCT ?out ?code WHERE { ?out a fz:Indicator ; skos:notation ?code ; skos:prefLabel ?il . FILTER (LANG(?il) = \"zh\") }";

        @Override
        Map<String, Map<String, Node>> keys(Lookups lookups) {
            Map<String, Map<String, Node>> out = new java.util.LinkedHashMap<>();
            out.put(NO_KEY, Map.of("indicator_code", NodeFactory.createLiteralString("")));
            try (var exec = org.apache.jena.sparql.exec.QueryExec.dataset(lookups.dataset())
                    .query(Lookups.PREFIXES + ALL).set(Answers.SCAN, true).build()) {
                exec.select().forEachRemaining(b -> {
                    Node i = b.get(Var.alloc("out"));
                    Node code = b.get(Var.alloc("code"));
                    if (i.isURI() && code.isLiteral()) {
                        out.putIfAbsent(i.getURI(), Map.of("indicator_code", NodeFactory.createLiteralString(code.getLiteralLexicalForm())));
                    }
                });
            }
            return out;
        }

        @Override
        Set<String> touched(Set<Node> indicators, Set<String> years, Set<String> known) {
            Set<String> out = new LinkedHashSet<>();
            out.add(NO_KEY);
            for (Node i : indicators) if (i.isURI() && known.contains(i.getURI())) out.add(i.getURI());
            return out;
        }

        @Override
        Request request(Map<String, Node> params, Lookups lookups) {
            Node v = params.get("indicator_code");
            if (v == null || !v.isLiteral()) return Request.fallback("the parameter is not a string");
            if (v.getLiteralLexicalForm().isEmpty() && XSDDatatypeIsString(v)) return Request.key(NO_KEY);
            return one(lookups, INDICATOR_CODE, v, "indicators");
        }

        private static boolean XSDDatatypeIsString(Node v) {
            return org.apache.jena.datatypes.xsd.XSDDatatype.XSDstring.getURI().equals(v.getLiteralDatatypeURI());
        }
    }

    // ------------------------------------------------------------------ coverage

    /** indicator-coverage: made a page at a time from {@link ReportOrder} and the indicator rollups. */
    static final class Coverage extends AnswerTable {
        Coverage() { super("indicator-coverage"); }

        @Override
        Request request(Map<String, Node> params, Lookups lookups) { return Request.key(NO_KEY); }

        /** The indicators with a rollup row: (indicator, code, label, reported_by), as the query's first subquery gives them. */
        static final String INDICATORS = """
                SELECT ?i ?code ?indicator ?reported_by WHERE {
                  ?row a fz:IndicatorRollup ; fz:rollupOf ?i ; fz:reportingReportCount ?reported_by .
                  ?i skos:notation ?code ; skos:prefLabel ?il .
                  FILTER (LANG(?il) = "zh")
                  BIND (STR(?il) AS ?indicator)
                }""";

        static List<Binding> indicators(DatasetGraph dsg) {
            List<Binding> out = new ArrayList<>();
            try (var exec = org.apache.jena.sparql.exec.QueryExec.dataset(dsg).query(Lookups.PREFIXES + INDICATORS)
                    .set(Answers.SCAN, true).build()) {
                exec.select().forEachRemaining(out::add);
            }
            return out;
        }
    }

    // ------------------------------------------------------------------ the set

    /** The reports in order, which indicator-coverage pages through. */
    static final ReportOrder REPORT_ORDER = new ReportOrder();
    /** Each region's practised mentions, which region-pair-shared is grouped from. */
    static final RegionPairTables.Practices PRACTICES = new RegionPairTables.Practices();

    /** Every table, by the saved query it answers. */
    static final List<AnswerTable> ALL = List.of(
            new RegionsPractisingProgram(),
            new Agencies(),
            new IndicatorAcrossRegions(),
            new MeasuresByTheme(),
            new MeasuresJoiningPrograms(),
            new SearchMeasures(),
            new ProblemsByKeyword(),
            new Reports(),
            new PlannedNotPractised(),
            REPORT_ORDER,
            new ComputedWhole("candidate-programs"),
            new IndicatorTotals(),
            new ComputedWhole("problems-by-theme"),
            new ComputedWhole("program-cooccurrence", "min_measures", "measures", "1"),
            new ComputedWhole("programs-by-theme"),
            new ComputedWhole("programs-shared", "min_regions", "regions", "1"),
            new ComputedWhole("reports-by-level"),
            new ComplianceTables.LateReports(),
            new ComplianceTables.MissingFirstResponsibility(),
            new ComplianceTables.ByProvince(),
            new ComplianceTables.ReportCompliance(),
            PRACTICES);

    /** The tables that answer a saved query (report-order is read through coverage). */
    static AnswerTable forQuery(String name) {
        if (name.equals("indicator-coverage")) return COVERAGE;
        if (name.equals(PAIR.name)) return PAIR;
        for (AnswerTable t : ALL) if (t.name.equals(name) && !internal(t)) return t;
        return null;
    }

    /** A table a saved query is made from when it is read, not one that answers it. */
    static boolean internal(AnswerTable t) { return t instanceof ReportOrder || t instanceof RegionPairTables.Internal; }

    static final Coverage COVERAGE = new Coverage();
    static final RegionPairTables.Pair PAIR = new RegionPairTables.Pair();

    static Query parsed(String name) { return forQuery(name) == null ? null : forQuery(name).query; }
}
