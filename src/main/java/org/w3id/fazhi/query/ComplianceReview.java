package org.w3id.fazhi.query;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.fazhi.extract.ExtractionPipeline;
import org.w3id.fazhi.extract.ExtractionResult;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.rdf.Vocabularies;
import org.w3id.fazhi.rdf.W3C;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Per report, what it lacks of what the rules require and whether it was late: one row a report,
 * read from the compliance assessment in its graph (the same for a report extracted now and one in
 * the store), for a spreadsheet ({@code fazhi review --compliance}).
 */
public final class ComplianceReview {

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("source", "report", "region", "year", "kind", "rule", "date", "date_source",
            "deadline", "on_time", "days_late", "missing", "unknown", "text_complete", "facts_per_10k", "problems", "plans");

    /** The notations of the ontology's concepts (requirements, reasons, rules, date sources), by IRI. */
    private static final Map<String, String> NOTATIONS = new TreeMap<>();
    static {
        Model onto = Vocabularies.file("fazhi.ttl");
        onto.listStatements(null, SKOS.notation, (RDFNode) null).forEach(s -> {
            if (s.getSubject().isURIResource()) NOTATIONS.put(s.getSubject().getURI(), s.getString());
        });
    }

    private ComplianceReview() {}

    /** The rows of the reports in a store, in the order of their source files. */
    public static List<List<String>> ofStore(Dataset dataset, String base) {
        String q = "PREFIX fz: <" + FZ.NS + "> SELECT ?g ?source WHERE { GRAPH <" + base + "graph/meta> { ?g fz:sourceFile ?source } "
                + "FILTER (STRSTARTS(STR(?g), \"" + base + "graph/report/\")) } ORDER BY ?source ?g";
        List<List<String>> rows = new ArrayList<>();
        Txn.executeRead(dataset, () -> {
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(q).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    var s = rs.next();
                    Model graph = dataset.getNamedModel(s.getResource("g").getURI());
                    List<Resource> reports = graph.listResourcesWithProperty(RDF.type, FZ.Report).toList();
                    for (Resource r : reports) rows.add(row(graph, r.getURI(), s.getLiteral("source").getLexicalForm()));
                }
            }
        });
        return rows;
    }

    /** The rows of reports extracted now (problems reading them go to {@code problems}). */
    public static List<List<String>> ofReports(ExtractionPipeline pipeline, List<String> inputs, Consumer<String> problems) {
        List<List<String>> rows = new ArrayList<>();
        try (ExtractionPipeline.Run run = pipeline.run(inputs)) {
            while (run.hasNext()) {
                ExtractionResult r = run.next();
                if (r instanceof ExtractionResult.Failed f) problems.accept(f.message());
                if (r instanceof ExtractionResult.Extracted e) rows.add(row(e.graph(), e.reportIri(), e.location()));
            }
        }
        return rows;
    }

    /** The deadlines: a failed one is late, not missing; the first two are a report's main deadline. */
    private static final List<Resource> MAIN_DEADLINES = List.of(FZ.PublicationDeadline, FZ.FirstQuarterReporting);

    /** One report's row, from its graph. */
    static List<String> row(Model g, String reportIri, String source) {
        Resource report = g.getResource(reportIri);
        Resource c = report.getPropertyResourceValue(FZ.complianceAssessment);
        Resource region = report.getPropertyResourceValue(FZ.region);
        List<String> row = new ArrayList<>(List.of(source, reportIri, region == null ? "" : last(region.getURI()), text(report, FZ.year)));
        if (c == null) {
            // A graph made before the assessment existed: say so rather than leave the row blank.
            while (row.size() < COLUMNS.size()) row.add("");
            row.set(COLUMNS.indexOf("unknown"), "not assessed: the graph has no compliance assessment");
            return row;
        }
        // A party committee and its government reporting together are judged as the government.
        row.add(kind(c.getPropertyResourceValue(FZ.assessedAs)) + (text(c, FZ.jointReport).equals("true") ? ", joint" : ""));
        row.add(notation(c.getPropertyResourceValue(FZ.ruleApplied)));
        Resource main = null;
        List<String> missing = new ArrayList<>(), unknown = new ArrayList<>();
        for (Statement s : c.listProperties(FZ.assertion).toList()) {
            Resource test = s.getResource().getPropertyResourceValue(W3C.test);
            Resource result = s.getResource().getPropertyResourceValue(W3C.result);
            String requirement = notation(test);
            String outcome = last(result.getPropertyResourceValue(W3C.outcome).getURI());
            if (MAIN_DEADLINES.contains(test)) main = result;
            else if (outcome.equals("failed") && result.hasProperty(FZ.daysLate)) {
                missing.add(requirement + " (" + text(result, FZ.daysLate) + " days late)");
            } else if (outcome.equals("failed")) missing.add(requirement);
            if (outcome.equals("cantTell")) unknown.add(requirement + " (" + notation(result.getPropertyResourceValue(FZ.outcomeReason)) + ")");
        }
        row.add(main == null ? "" : text(main, FZ.dateJudged));
        row.add(main == null ? "" : notation(main.getPropertyResourceValue(FZ.dateSource)));
        row.add(main == null ? "" : text(main, FZ.deadline));
        String outcome = main == null ? "" : last(main.getPropertyResourceValue(W3C.outcome).getURI());
        row.add(switch (outcome) {
            case "passed" -> "yes";
            case "failed" -> "no";
            case "cantTell" -> "unknown";
            default -> "n/a";
        });
        row.add(main == null ? "" : text(main, FZ.daysLate));
        row.add(String.join("; ", missing));
        row.add(String.join("; ", unknown));
        row.add(text(c, FZ.textComplete).equals("true") ? "yes" : "no");
        row.add(text(c, FZ.factsPerTenThousandChars));
        row.add(text(c, FZ.problemsStated));
        row.add(text(c, FZ.plansStated));
        return row;
    }

    /** The rows as TSV with a header line; tabs and line breaks in a cell become spaces. */
    public static String tsv(List<List<String>> rows) {
        StringBuilder sb = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
        for (List<String> r : rows) {
            sb.append(String.join("\t", r.stream().map(v -> v.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ')).toList())).append('\n');
        }
        return sb.toString();
    }

    private static String kind(Resource k) {
        if (k == null) return "";
        return switch (k.getLocalName()) {
            case "GovernmentReport" -> "government";
            case "DepartmentReport" -> "department";
            case "LeaderReport" -> "leader";
            default -> k.getLocalName();
        };
    }

    private static String notation(Resource r) {
        if (r == null || !r.isURIResource()) return "";
        return NOTATIONS.getOrDefault(r.getURI(), last(r.getURI()));
    }

    private static String text(Resource r, org.apache.jena.rdf.model.Property p) {
        Statement s = r.getProperty(p);
        return s == null ? "" : s.getObject().isLiteral() ? s.getLiteral().getLexicalForm() : s.getObject().toString();
    }

    private static String last(String iri) {
        return iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
    }
}
