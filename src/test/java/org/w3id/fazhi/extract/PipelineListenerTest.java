package org.w3id.fazhi.extract;

import org.junit.jupiter.api.Test;
import org.w3id.fazhi.rdf.Vocabularies;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ExtractionPipeline.Listener}: what {@code into} tells as it goes, for a progress display. */
class PipelineListenerTest {

    @Test
    void theListenerHearsTheTotalEachResultEachLoadAndEachFailure() {
        List<String> heard = new ArrayList<>();
        ExtractionPipeline.Listener listener = new ExtractionPipeline.Listener() {
            @Override public void started(int total) { heard.add("started " + total); }
            @Override public void taken(ExtractionResult r) { heard.add("taken " + r.getClass().getSimpleName()); }
            @Override public void loaded(String location, String graphIri, long triples) { heard.add("loaded " + location); }
            @Override public void failed(ExtractionResult.Failed f) { heard.add("failed " + f.location()); }
        };
        GraphSink sink = new GraphSink() {
            @Override public List<String> vocabularies(Vocabularies v) { return List.of(); }
            @Override public boolean holds(String location, String hash) { return location.endsWith("gaotai-county-2020.txt"); }
            @Override public void write(ExtractionResult.Extracted report) {
                if (report.location().endsWith("nanchang-county-2023.txt")) throw new IllegalStateException("disk on fire");
            }
        };
        LoadSummary s = ExtractionPipeline.builder().threads(1).listener(listener).build()
                .into(sink, List.of("data/reports/gaotai-county-2020.txt", "data/reports/nanchang-county-2023.txt",
                        "data/reports/shanwei-chengqu-2023.txt"));
        assertEquals(List.of("started 3",
                "taken Skipped",
                "taken Extracted", "failed data/reports/nanchang-county-2023.txt",
                "taken Extracted", "loaded data/reports/shanwei-chengqu-2023.txt"), heard);
        assertEquals(1, s.loaded().size());
    }
}
