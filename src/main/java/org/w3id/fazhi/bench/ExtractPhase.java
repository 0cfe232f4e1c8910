package org.w3id.fazhi.bench;

import org.w3id.fazhi.extract.ExtractionPipeline;
import org.w3id.fazhi.extract.ExtractionResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.w3id.fazhi.bench.BenchContext.round;
import static org.w3id.fazhi.bench.BenchContext.secs;

/** The extract phase: the small corpus through the extraction pipeline, against a floor that only reads and matches numbers. */
final class ExtractPhase {

    static final Pattern NUMBERS = Pattern.compile("\\d+(?:\\.\\d+)?");

    private ExtractPhase() {}

    static BenchResult.Extract run(BenchContext ctx) throws IOException {
        List<Path> files = ctx.smallFiles();
        long bytes = 0;
        for (Path f : files) bytes += Files.size(f);
        ExtractionPipeline pipeline = ExtractionPipeline.builder().build();
        List<Path> warm = files.subList(0, Math.min(100, files.size()));
        baseline(warm);
        ours(warm, pipeline);
        long t0 = System.nanoTime();
        long numbers = baseline(files);
        double base = secs(t0);
        t0 = System.nanoTime();
        long triples = ours(files, pipeline);
        double ourSecs = secs(t0);
        double mb = bytes / 1e6;
        double ratio = base / ourSecs;
        ctx.row("extract " + files.size() + " reports", String.format("%.0f reports/s, %.2f MB/s (baseline %.0f reports/s, %.2f MB/s)",
                files.size() / ourSecs, mb / ourSecs, files.size() / base, mb / base), String.format("ratio %.3f (goal >= 0.333)", ratio));
        return new BenchResult.Extract(files.size(), round(mb), round(files.size() / ourSecs), round(mb / ourSecs),
                round(files.size() / base), round(mb / base), triples, numbers, round(ratio));
    }

    /** The floor: read each file and run one precompiled regular expression for numbers, in parallel. */
    static long baseline(List<Path> files) {
        return files.parallelStream().mapToLong(f -> {
            try {
                Matcher m = NUMBERS.matcher(Files.readString(f, StandardCharsets.UTF_8));
                long n = 0;
                while (m.find()) n++;
                return n;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sum();
    }

    /** The extractor through the pipeline every command uses: read, extract on every core, in order. */
    static long ours(List<Path> files, ExtractionPipeline pipeline) {
        long triples = 0;
        try (ExtractionPipeline.Run run = pipeline.run(files.stream().map(Path::toString).toList())) {
            while (run.hasNext()) {
                if (run.next() instanceof ExtractionResult.Extracted e) triples += e.graph().size();
                else throw new IllegalStateException("a generated report did not extract");
            }
        }
        return triples;
    }
}
