package org.w3id.fazhi.extract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.rdf.model.Model;

import java.util.Objects;

/**
 * What reading and extracting one input came to: its graph, a note that the receiver already holds
 * it, or why it could not be read or extracted.
 */
public sealed interface ExtractionResult permits ExtractionResult.Extracted, ExtractionResult.Skipped,
        ExtractionResult.Failed {

    /** The input: a file path as given (or found in a folder) or a URL. */
    String location();

    /**
     * A report extracted.
     *
     * @param sourceHash hex SHA-256 of the source's bytes, or, when manifests or overrides speak of
     *                   the report, of those bytes' hash together with what they say
     */
    record Extracted(String sourceHash, ExtractedReport report) implements ExtractionResult {
        public Extracted {
            Objects.requireNonNull(sourceHash, "sourceHash");
            Objects.requireNonNull(report, "report");
        }

        @Override
        public String location() { return report.document().location(); }

        public String reportIri() { return report.reportIri(); }

        public String graphIri() { return report.graphIri(); }

        /** The report's graph, to be stored as the named graph {@link #graphIri()}. */
        public Model graph() { return report.graph(); }

        /** The same report under names with a suffix (see {@link ExtractedReport#renamed}). */
        public Extracted renamed(String suffix) { return new Extracted(sourceHash, report.renamed(suffix)); }

        /** Why the report was left without a region although places were in play, or null. */
        public String warning() { return report.mentions().metadata().regionWarning(); }

        /** The JSON Lines summary ({@code ../shared/gold/README.md}), made when asked for. */
        public ObjectNode summary() { return ReportSummary.of(report); }
    }

    /** An input whose content the receiver already holds, extracted by this extractor version: not extracted again. */
    record Skipped(String location, String sourceHash) implements ExtractionResult {}

    /**
     * An input that could not be listed, read or extracted.
     *
     * @param message names the location and the problem, e.g. "data/x.txt: empty file"
     */
    record Failed(String location, String message) implements ExtractionResult {
        public Failed {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(message, "message");
        }
    }
}
