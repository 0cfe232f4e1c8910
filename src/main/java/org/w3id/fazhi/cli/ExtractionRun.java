package org.w3id.fazhi.cli;

import org.w3id.fazhi.extract.ExtractionPipeline;
import org.w3id.fazhi.extract.ExtractionResult;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands that extract without storing (extract, validate, eval): each report handed on as it
 * comes out of the pipeline, each input that fails named on standard error, a progress bar on a
 * terminal. Nothing is held beyond the pipeline's window.
 */
final class ExtractionRun {

    /** What the command does with each report, in input order. */
    @FunctionalInterface
    interface Handler {
        void accept(ExtractionResult.Extracted report) throws IOException;
    }

    record Result(int reports, List<ExtractionResult.Failed> problems) {
        int exitCode() {
            if (reports == 0) return Fazhi.NOTHING_READ;
            return problems.isEmpty() ? Fazhi.OK : Fazhi.SOME_FAILED;
        }
    }

    private ExtractionRun() {}

    static Result run(List<String> inputs, String base, long maxBytes, PrintStream err, Handler handler) throws IOException {
        return run(inputs, base, maxBytes, null, err, handler);
    }

    static Result run(List<String> inputs, String base, long maxBytes, HintOptions hints, PrintStream err, Handler handler)
            throws IOException {
        ExtractionPipeline.Builder b = ExtractionPipeline.builder().base(base).maxBytes(maxBytes);
        // Without options (eval), the reports are read as they are: scores do not depend on a curator's table.
        ExtractionPipeline pipeline = (hints == null ? b : hints.apply(b)).build();
        List<ExtractionResult.Failed> problems = new ArrayList<>();
        int reports = 0;
        try (ExtractionPipeline.Run run = pipeline.run(inputs)) {
            Progress progress = new Progress(run.size(), err);
            while (run.hasNext()) {
                ExtractionResult r = run.next();
                progress.step(r.location());
                if (r instanceof ExtractionResult.Extracted e) {
                    if (e.warning() != null) {
                        progress.interrupt();
                        err.println("fazhi: " + e.location() + ": " + e.warning());
                    }
                    handler.accept(e);
                    reports++;
                } else if (r instanceof ExtractionResult.Failed f) {
                    problems.add(f);
                    progress.interrupt();
                    err.println("fazhi: " + f.message());
                }
            }
            progress.done();
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

        void step(String name) {
            done++;
            if (!draw) return;
            int width = 30, filled = total == 0 ? width : done * width / total;
            String file = name.substring(name.lastIndexOf('/') + 1);
            out.printf("\r[%s%s] %d/%d %-40.40s", "#".repeat(filled), " ".repeat(width - filled), done, total, file);
        }

        /** Before a message, so that it starts on a line of its own. */
        void interrupt() {
            if (draw) out.println();
        }

        void done() {
            if (draw) out.println();
        }
    }
}
