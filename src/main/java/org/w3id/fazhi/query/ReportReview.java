package org.w3id.fazhi.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.system.Txn;
import org.w3id.fazhi.extract.ExtractionPipeline;
import org.w3id.fazhi.extract.ExtractionResult;
import org.w3id.fazhi.rdf.FZ;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The reports whose metadata a curator should look at: no region, a region the extractor is unsure
 * of, no year, no title. Each comes with what the extractor saw, and as a row in the shape of
 * {@code data/overrides.tsv}, so that the curator fills in the empty cells and keeps the rows.
 */
public final class ReportReview {

    /** The columns of an overrides table, in order. */
    public static final List<String> COLUMNS = List.of("source", "region", "year", "title", "published", "publisher", "kind");

    /** Below this a region is listed as unsure. */
    public static final double DEFAULT_THRESHOLD = 0.8;

    /**
     * One report to look at.
     *
     * @param values the row in the overrides' columns, empty where nothing is known
     * @param why    what is missing or unsure, and what the extractor saw
     */
    public record Item(String iri, List<String> values, List<String> why) {}

    private ReportReview() {}

    /** The reports of a store (read from its metadata and report graphs). */
    public static List<Item> ofStore(Dataset dataset, String base, double threshold) {
        String q = """
                PREFIX fz: <https://w3id.org/fazhi/ontology#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT ?report ?source ?region ?conf ?year ?title ?issued ?publisher ?kind ?warning
                       (GROUP_CONCAT(?e; separator=", ") AS ?evidence)
                WHERE {
                  GRAPH <%1$sgraph/meta> { ?g fz:sourceFile ?source }
                  FILTER (STRSTARTS(STR(?g), "%1$sgraph/report/"))
                  # The report named from its graph (graph/report/KEY describes id/report/KEY), so its
                  # graph is read by subject: the store keeps no index by graph and type.
                  BIND (IRI(CONCAT("%1$sid/report/", STRAFTER(STR(?g), "%1$sgraph/report/"))) AS ?report)
                  GRAPH ?g {
                    ?report a fz:Report .
                    OPTIONAL { ?report fz:region ?region }
                    OPTIONAL { ?report fz:regionConfidence ?conf }
                    OPTIONAL { ?report fz:year ?year }
                    OPTIONAL { ?report dcterms:title ?title }
                    OPTIONAL { ?report dcterms:issued ?issued }
                    OPTIONAL { ?report fz:publisherName ?publisher }
                    OPTIONAL { ?report fz:documentKind ?k }
                    OPTIONAL { ?report fz:regionWarning ?warning }
                    OPTIONAL { ?report fz:regionEvidence ?e }
                  }
                  BIND (STRAFTER(STR(?k), "#") AS ?kind)
                }
                GROUP BY ?report ?source ?region ?conf ?year ?title ?issued ?publisher ?kind ?warning
                ORDER BY ?source
                """.formatted(base);
        List<Item> items = new ArrayList<>();
        Txn.executeRead(dataset, () -> {
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(q).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    String region = s.contains("region") ? last(s.getResource("region").getURI()) : null;
                    Double conf = s.contains("conf") ? s.getLiteral("conf").getDouble() : null;
                    Item i = item(s.getResource("report").getURI(), text(s, "source"), region, conf, text(s, "year"),
                            text(s, "title"), text(s, "issued"), text(s, "publisher"), kind(text(s, "kind")),
                            text(s, "warning"), text(s, "evidence"), threshold);
                    if (i != null) items.add(i);
                }
            }
        });
        return items;
    }

    /** The reports of some inputs, extracted now (problems reading them go to {@code problems}). */
    public static List<Item> ofReports(ExtractionPipeline pipeline, List<String> inputs, double threshold, Consumer<String> problems) {
        List<Item> items = new ArrayList<>();
        try (ExtractionPipeline.Run run = pipeline.run(inputs)) {
            while (run.hasNext()) {
                ExtractionResult r = run.next();
                if (r instanceof ExtractionResult.Failed f) {
                    problems.accept(f.message());
                    continue;
                }
                if (!(r instanceof ExtractionResult.Extracted e)) continue;
                JsonNode j = e.summary();
                String regionIri = j.path("region_iri").asText(null);
                List<String> evidence = new ArrayList<>();
                j.path("region_evidence").forEach(x -> evidence.add(x.asText()));
                Item i = item(e.reportIri(), e.location(), regionIri == null ? null : last(regionIri),
                        j.path("region_confidence").isNumber() ? j.get("region_confidence").asDouble() : null,
                        j.path("year").isNumber() ? j.get("year").asText() : null, j.path("title").asText(null),
                        j.path("published").asText(null), j.path("publisher").asText(null),
                        kind(documentKind(e)), j.path("region_warning").asText(null), String.join(", ", evidence), threshold);
                if (i != null) items.add(i);
            }
        }
        return items;
    }

    private static Item item(String iri, String source, String region, Double confidence, String year, String title,
                             String published, String publisher, String kind, String warning, String evidence, double threshold) {
        List<String> why = new ArrayList<>();
        if (region == null) why.add(warning != null ? warning : "no region");
        else if (confidence != null && confidence < threshold) {
            why.add(String.format(Locale.ROOT, "region %s unsure (%.2f)", region, confidence));
        }
        if (year == null) why.add("no year");
        if (title == null) why.add("no title");
        if (why.isEmpty()) return null;
        if (evidence != null && !evidence.isEmpty()) why.add("evidence: " + evidence);
        List<String> values = new ArrayList<>();
        for (String v : new String[] {source, region, year, title, published, publisher, kind}) values.add(v == null ? "" : v);
        return new Item(iri, values, why);
    }

    /** The local name of the report's fz:documentKind in its graph, or null. */
    private static String documentKind(ExtractionResult.Extracted e) {
        var kind = e.graph().createResource(e.reportIri()).getPropertyResourceValue(FZ.documentKind);
        return kind == null ? null : kind.getLocalName();
    }

    /** The overrides' name of a document kind (GovernmentReport → government). */
    private static String kind(String documentKind) {
        if (documentKind == null) return null;
        return switch (documentKind) {
            case "GovernmentReport" -> "government";
            case "LeaderReport" -> "leader";
            case "DepartmentReport" -> "department";
            default -> null;
        };
    }

    private static String last(String iri) { return iri.substring(iri.lastIndexOf('/') + 1); }

    private static String text(QuerySolution s, String var) {
        return s.contains(var) ? (s.get(var).isLiteral() ? s.getLiteral(var).getLexicalForm() : s.get(var).toString()) : null;
    }

    /** The items as a table a curator saves as {@code data/overrides.tsv}: each row after a comment saying why. */
    public static String tsv(List<Item> items) {
        StringBuilder sb = new StringBuilder();
        sb.append("# fazhi review: reports whose metadata is missing or unsure. Fill in or correct the cells,\n")
          .append("# keep the rows you mean (empty cells change nothing) and save as data/overrides.tsv.\n");
        sb.append(String.join("\t", COLUMNS)).append('\n');
        for (Item i : items) {
            sb.append("# ").append(i.iri()).append(": ").append(String.join("; ", i.why()).replace('\n', ' ')).append('\n');
            sb.append(String.join("\t", i.values().stream().map(v -> v.replace('\t', ' ').replace('\n', ' ')).toList())).append('\n');
        }
        return sb.toString();
    }
}
