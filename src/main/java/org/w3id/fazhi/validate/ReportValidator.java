package org.w3id.fazhi.validate;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.w3id.fazhi.rdf.Vocabularies;

import java.util.List;

/** Checks report graphs against the SHACL shapes of {@code ontology/shapes.ttl}. */
public final class ReportValidator {

    private final Shapes shapes;

    private ReportValidator(Shapes shapes) {
        this.shapes = shapes;
    }

    /** A validator with the shapes shipped in the jar. */
    public static ReportValidator bundled() {
        return new ReportValidator(Shapes.parse(Vocabularies.file("shapes.ttl").getGraph()));
    }

    /** The violations in a graph; empty when it conforms. */
    public List<ReportEntry> violations(Model graph) {
        ValidationReport report = ShaclValidator.get().validate(shapes, graph.getGraph());
        return List.copyOf(report.getEntries());
    }
}
