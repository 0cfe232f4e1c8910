package org.w3id.fazhi.store;

import org.w3id.fazhi.bench.CorpusGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A generated corpus with the five real reports of {@code data/reports} copied in beside it. */
final class TestCorpus {

    private TestCorpus() {}

    /** {@code n} generated reports (seed {@code seed}) in {@code dir}, then the real ones; the files in that order. */
    static List<Path> withRealReports(Path dir, int n, long seed) throws IOException {
        List<Path> files = new ArrayList<>(CorpusGenerator.fromReports(Path.of("data/reports")).generate(n, seed, dir));
        try (Stream<Path> s = Files.list(Path.of("data/reports"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                Path copy = dir.resolve(p.getFileName());
                Files.copy(p, copy);
                files.add(copy);
            }
        }
        return files;
    }
}
