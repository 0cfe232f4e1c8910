package org.w3id.fazhi.extract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.rdf.model.Model;

import org.w3id.fazhi.source.ProblemKind;
import org.w3id.fazhi.source.SourceProblem;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

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
     * @param kind    a scanned, encrypted, corrupt or tracked-changes document, or any other problem
     */
    record Failed(String location, String message, ProblemKind kind) implements ExtractionResult {
        public Failed {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(kind, "kind");
        }

        public Failed(String location, String message) {
            this(location, message, ProblemKind.OTHER);
        }

        public static Failed of(SourceProblem problem) {
            return new Failed(problem.location(), problem.message(), problem.kind());
        }

        /**
         * The problems counted by the kinds a person must deal with, for the end of a summary line:
         * " (2 scanned, 1 encrypted)"; empty when every problem is of another kind, so the summary
         * of a run over text and web pages reads as it always did.
         */
        public static String countsByKind(List<Failed> problems) {
            Map<ProblemKind, Integer> counts = new EnumMap<>(ProblemKind.class);
            for (Failed f : problems) counts.merge(f.kind(), 1, Integer::sum);
            if (counts.keySet().stream().allMatch(k -> k == ProblemKind.OTHER)) return "";
            StringJoiner out = new StringJoiner(", ", " (", ")");
            counts.forEach((kind, n) -> out.add(n + " " + kind.label()));
            return out.toString();
        }
    }
}
