package org.w3id.fazhi.cli;

import org.w3id.fazhi.extract.ExtractedReport;
import org.w3id.fazhi.extract.Extractor;
import org.w3id.fazhi.source.SourceBatch;
import org.w3id.fazhi.source.SourceProblem;
import org.w3id.fazhi.source.SourceReader;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads inputs and extracts every report, telling the user about each input that fails and
 * drawing a progress bar on a terminal. Shared by the commands that extract.
 */
final class ExtractionRun {

    record Result(List<ExtractedReport> reports, List<SourceProblem> problems) {
        int exitCode() {
            if (reports.isEmpty()) return Fazhi.NOTHING_READ;
            return problems.isEmpty() ? Fazhi.OK : Fazhi.SOME_FAILED;
        }
    }

    private ExtractionRun() {}

    static Result run(List<String> inputs, String base, long maxBytes, PrintStream err) {
        SourceBatch batch = SourceReader.builder().maxBytes(maxBytes).build().read(inputs);
        Extractor extractor = Extractor.builder().base(base).build();
        List<SourceProblem> problems = new ArrayList<>(batch.problems());
        for (SourceProblem p : batch.problems()) err.println("fazhi: " + p.message());
        Progress progress = new Progress(batch.documents().size(), err);
        // Reports are independent and the extractor holds no state: extract them on every core,
        // then report in input order.
        List<Object> outcomes = batch.documents().parallelStream().map(doc -> {
            Object outcome;
            try {
                outcome = extractor.extract(doc);
            } catch (RuntimeException e) {
                outcome = new SourceProblem(doc.location(), doc.location() + ": extraction failed: " + e);
            }
            progress.step(doc.fileName());
            return outcome;
        }).toList();
        progress.done();
        List<ExtractedReport> reports = new ArrayList<>();
        for (Object outcome : outcomes) {
            if (outcome instanceof ExtractedReport r) {
                reports.add(r);
            } else {
                SourceProblem p = (SourceProblem) outcome;
                problems.add(p);
                err.println("fazhi: " + p.message());
            }
        }
        return new Result(reports, problems);
    }

    /** A one-line progress bar, drawn only when a person is watching and the run is long. */
    static final class Progress {
        private final int total;
        private final PrintStream out;
        private final boolean draw;
        private int done;

        Progress(int total, PrintStream out) {
            this.total = total;
            this.out = out;
            this.draw = System.console() != null && total >= 5;
        }

        synchronized void step(String name) {
            done++;
            if (!draw) return;
            int width = 30, filled = total == 0 ? width : done * width / total;
            out.printf("\r[%s%s] %d/%d %-40.40s", "#".repeat(filled), " ".repeat(width - filled), done, total, name);
        }

        synchronized void done() {
            if (draw) out.println();
        }
    }
}
