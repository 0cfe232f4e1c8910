package org.w3id.fazhi.extract;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.fazhi.rdf.Vocabularies;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one way reports are read and extracted, and how it drives a graph sink. */
class ExtractionPipelineTest {

    private static List<String> reports;

    @BeforeAll
    static void list() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("data/reports"))) {
            reports = s.map(Path::toString).filter(f -> f.endsWith(".txt")).sorted().toList();
        }
    }

    private static List<ExtractionResult> all(ExtractionPipeline.Run run) {
        List<ExtractionResult> out = new ArrayList<>();
        try (run) {
            while (run.hasNext()) out.add(run.next());
        }
        return out;
    }

    @Test
    void resultsComeInInputOrderWithProblemsInPlace(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        List<String> inputs = new ArrayList<>(reports);
        inputs.add(1, empty.toString());
        inputs.add(dir.resolve("missing.txt").toString());
        ExtractionPipeline pipeline = ExtractionPipeline.builder().threads(3).build();
        List<ExtractionResult> results = all(pipeline.run(inputs));
        assertEquals(inputs, results.stream().map(ExtractionResult::location).toList());
        assertInstanceOf(ExtractionResult.Failed.class, results.get(1));
        assertTrue(((ExtractionResult.Failed) results.get(1)).message().contains("empty file"));
        assertInstanceOf(ExtractionResult.Failed.class, results.get(results.size() - 1));
        long extracted = results.stream().filter(r -> r instanceof ExtractionResult.Extracted).count();
        assertEquals(reports.size(), extracted);
    }

    @Test
    void aSourceTheReceiverHoldsIsSkippedNotExtracted() {
        ExtractionPipeline pipeline = ExtractionPipeline.builder().build();
        ExtractionResult.Extracted first = (ExtractionResult.Extracted) all(pipeline.run(reports.subList(0, 1))).get(0);
        List<ExtractionResult> again = all(pipeline.run(reports.subList(0, 2), (location, hash) -> hash.equals(first.sourceHash())));
        assertEquals(new ExtractionResult.Skipped(reports.get(0), first.sourceHash()), again.get(0));
        assertInstanceOf(ExtractionResult.Extracted.class, again.get(1));
    }

    @Test
    void aDirectoryWithoutReportsIsOneProblem(@TempDir Path dir) {
        List<ExtractionResult> results = all(ExtractionPipeline.builder().build().run(List.of(dir.toString())));
        assertEquals(1, results.size());
        assertTrue(((ExtractionResult.Failed) results.get(0)).message().contains("no .txt, .html, .pdf, .docx or .doc reports"));
    }

    /** A batched sink that refuses one report, as a store refuses a graph it cannot write. */
    private static class RefusingSink implements GraphSink {
        final List<String> committed = new ArrayList<>();
        final List<String> batch = new ArrayList<>();
        final String refused;
        int aborts;

        RefusingSink(String refused) { this.refused = refused; }

        @Override
        public List<String> vocabularies(Vocabularies vocabularies) { return List.of(); }

        @Override
        public void write(ExtractionResult.Extracted report) {
            if (report.location().equals(refused)) throw new IllegalStateException("cannot write " + report.graphIri());
            batch.add(report.location());
        }

        @Override
        public boolean batched() { return true; }

        @Override
        public void commit() {
            committed.addAll(batch);
            batch.clear();
        }

        @Override
        public void abort(RuntimeException cause) {
            batch.clear();
            aborts++;
        }
    }

    @Test
    void aReportThatFailsHalfwayThroughABatchIsLeftOutAndTheRestGoIn() {
        String refused = reports.get(2);
        RefusingSink sink = new RefusingSink(refused);
        List<String> said = new ArrayList<>();
        LoadSummary s = ExtractionPipeline.builder().log(said::add).build().into(sink, reports);
        List<String> expected = new ArrayList<>(reports);
        expected.remove(refused);
        assertEquals(expected, s.loaded());
        assertEquals(expected, sink.committed, "the reports before the failure are written again, then the rest");
        assertEquals(1, s.problems().size());
        assertTrue(s.problems().get(0).message().startsWith(refused + ": not loaded"), s.problems().get(0).message());
        assertTrue(sink.aborts >= 2, "the batch, then the refused report on its own, were undone");
        assertTrue(said.stream().anyMatch(m -> m.contains("writing each on its own")), said.toString());
    }

    @Test
    void aSinkThatCannotTakeTheVocabulariesGetsNoReports() {
        RefusingSink sink = new RefusingSink("") {
            @Override
            public List<String> vocabularies(Vocabularies vocabularies) { throw new IllegalStateException("disk full"); }
        };
        LoadSummary s = ExtractionPipeline.builder().build().into(sink, reports);
        assertTrue(s.loaded().isEmpty());
        assertTrue(sink.committed.isEmpty());
        assertFalse(s.problems().isEmpty());
        assertTrue(s.problems().get(0).message().contains("disk full"));
    }
}
