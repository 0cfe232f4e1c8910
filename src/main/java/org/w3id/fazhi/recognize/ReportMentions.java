package org.w3id.fazhi.recognize;

import org.w3id.fazhi.recognize.metadata.ReportMetadata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything recognised in one report, in text order. */
public record ReportMentions(ReportMetadata metadata, List<Section> sections, List<Measure> measures,
                             List<ProgramMention> programs, List<CandidateProgram> candidates,
                             List<AgencyMention> agencies, List<MetricMention> metrics) {

    public ReportMentions {
        sections = List.copyOf(sections);
        measures = List.copyOf(measures);
        programs = List.copyOf(programs);
        candidates = List.copyOf(candidates);
        agencies = List.copyOf(agencies);
        metrics = List.copyOf(metrics);
    }

    /**
     * Each program the report names, with its status: practiced when the report names it anywhere
     * but in its plans, planned when it names it only there. In report order.
     */
    public Map<Program, ProgramStatus> programStatus() {
        Map<Program, ProgramStatus> status = new LinkedHashMap<>();
        for (ProgramMention m : programs) {
            ProgramStatus s = m.section() == SectionKind.PLAN ? ProgramStatus.PLANNED : ProgramStatus.PRACTICED;
            status.merge(m.program(), s, (a, b) -> a == ProgramStatus.PRACTICED ? a : b);
        }
        return status;
    }

    /** Whether a program was done in the covered year or only planned. */
    public enum ProgramStatus {
        PRACTICED("practiced"), PLANNED("planned");

        private final String notation;

        ProgramStatus(String notation) { this.notation = notation; }

        public String notation() { return notation; }
    }
}
