package org.w3id.fazhi.extract;

import org.apache.jena.rdf.model.Model;
import org.w3id.fazhi.clean.CleanedDocument;
import org.w3id.fazhi.recognize.ReportMentions;

/**
 * One report through the whole pipeline: its cleaned text, what was recognised in it, and its graph.
 *
 * @param reportIri the report's IRI
 * @param graphIri  the IRI of the named graph that holds {@code graph}
 */
public record ExtractedReport(CleanedDocument document, ReportMentions mentions, String reportIri,
                              String graphIri, Model graph) {

    /**
     * The same report under names with a suffix: the report, its graph and every part minted
     * under the report's IRI. For a second document that the region, year and kind alone would
     * give the same name.
     */
    public ExtractedReport renamed(String suffix) {
        String report = reportIri + suffix, graphName = graphIri + suffix;
        org.apache.jena.graph.Graph out = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        graph.getGraph().find().forEachRemaining(t -> out.add(org.apache.jena.graph.Triple.create(
                rename(t.getSubject(), report, graphName), rename(t.getPredicate(), report, graphName),
                rename(t.getObject(), report, graphName))));
        Model m = org.apache.jena.rdf.model.ModelFactory.createModelForGraph(out);
        m.setNsPrefixes(graph.getNsPrefixMap());
        return new ExtractedReport(document, mentions, report, graphName, m);
    }

    private org.apache.jena.graph.Node rename(org.apache.jena.graph.Node n, String report, String graphName) {
        if (!n.isURI()) return n;
        String iri = n.getURI();
        if (iri.equals(graphIri)) return org.apache.jena.graph.NodeFactory.createURI(graphName);
        if (iri.equals(reportIri) || iri.startsWith(reportIri + "/")) {
            return org.apache.jena.graph.NodeFactory.createURI(report + iri.substring(reportIri.length()));
        }
        return n;
    }
}
