package org.w3id.fazhi.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What every phase of a benchmark run shares: the work folder, the corpus, the query time limit,
 * the stream the table is printed on and the table's rows so far; and the small helpers the
 * phases measure and clean up with.
 */
final class BenchContext {

    final Path work;
    /** The generated corpus folder, and its files in name order. */
    final Path corpus;
    final List<Path> files;
    /** Reports in the large corpus, and in the small one (its first min(1000, N) files). */
    final int reports;
    final int small;
    final Duration queryLimit;
    private final PrintStream out;
    private final List<String[]> table = new ArrayList<>();

    BenchContext(Path work, Path corpus, List<Path> files, int reports, int small, Duration queryLimit, PrintStream out) {
        this.work = work;
        this.corpus = corpus;
        this.files = List.copyOf(files);
        this.reports = reports;
        this.small = small;
        this.queryLimit = queryLimit;
        this.out = out;
    }

    List<Path> smallFiles() { return files.subList(0, small); }

    /** One row of the table, also logged as it is measured. */
    void row(String what, String figure, String goal) {
        table.add(new String[] {what, figure, goal});
        say("%s: %s %s", what, figure, goal);
    }

    void printTable() {
        int w0 = table.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        int w1 = table.stream().mapToInt(r -> r[1].length()).max().orElse(10);
        out.println();
        out.printf("| %-" + w0 + "s | %-" + w1 + "s | %s |%n", "measure", "figure", "ratio / goal");
        out.printf("|%s|%s|---|%n", "-".repeat(w0 + 2), "-".repeat(w1 + 2));
        for (String[] r : table) out.printf("| %-" + w0 + "s | %-" + w1 + "s | %s |%n", r[0], r[1], r[2]);
        out.flush();
    }

    static void say(String format, Object... args) {
        System.err.println("bench: " + String.format(format, args));
    }

    /** A query time in the table: ms, or that the time limit stopped it. */
    String ms(double v) {
        return Double.isNaN(v) ? "> " + queryLimit.toSeconds() + " s (stopped)" : String.format("%.1f ms", v);
    }

    // ------------------------------------------------------------------ helpers

    static double percentile(double[] values, double p) {
        if (values.length == 0) return Double.NaN;
        double[] v = values.clone();
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    /** Rounded to three places; NaN (a query stopped by the time limit) becomes null in the JSON. */
    static Double round(double v) { return Double.isNaN(v) ? null : Math.round(v * 1000) / 1000.0; }

    static double secs(long t0) { return (System.nanoTime() - t0) / 1e9; }

    static String javaBin() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    /** A class of this jar run in a new JVM with {@code heapMb} of heap: the command. */
    static List<String> childJvm(int heapMb, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx" + heapMb + "m", "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** What a child process printed: its figures (lines "name value"), its last line, its exit code. */
    record ChildRun(Map<String, String> figures, String last, int exit) {
        boolean ok() { return exit == 0; }
    }

    /** Runs a child process to its end, its output and errors read together. */
    static ChildRun runChild(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, String> figures = new HashMap<>();
        String last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                last = line;
                int sp = line.indexOf(' ');
                if (sp > 0 && line.substring(0, sp).matches("[a-z_]+")) figures.put(line.substring(0, sp), line.substring(sp + 1).trim());
            }
        }
        return new ChildRun(figures, last, p.waitFor());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) { return s.getLocalPort(); }
    }

    static long du(Path dir) throws IOException {
        if (!Files.exists(dir)) return 0;
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
