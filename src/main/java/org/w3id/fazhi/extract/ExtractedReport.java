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
                              String graphIri, Model graph) {}
