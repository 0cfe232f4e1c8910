package org.w3id.fazhi.cli;

import org.w3id.fazhi.extract.ExtractionPipeline;
import org.w3id.fazhi.extract.ExtractionResult;
import org.w3id.fazhi.extract.LoadSummary;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What {@code fazhi load} and {@code fazhi serve} show while they load: on a terminal one bar,
 * redrawn at most five times a second, with the rate and the time left; elsewhere (CI, pipes, logs)
 * a progress line every ten seconds; with {@code --verbose} nothing of its own (the pipeline's log
 * prints a line per report). Failures and warnings get lines of their own, above the bar. At the
 * end, {@link #summary} tells what the load did, how long it took and how fast it went.
 */
final class LoadProgress implements ExtractionPipeline.Listener {

    /** How progress is shown. */
    enum Mode {
        /** A redrawn bar (a person at a terminal). */
        BAR,
        /** A short line now and then (CI, pipes, log files). */
        LINES,
        /** No progress of its own: the log's line per report is the progress. */
        VERBOSE
    }

    static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    static final long LINE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final Mode mode;
    private final LongSupplier clock;
    private final long start;
    private int total = -1;
    private int done;
    private int failed;
    private int warnings;
    private long lastShown;
    /** Characters of the bar on the screen now; 0 when none is. */
    private int shown;

    LoadProgress(PrintStream out, Mode mode, LongSupplier clock) {
        this.out = out;
        this.mode = mode;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastShown = start;
    }

    /** The mode for a command line: verbose when asked, a bar when a person is watching, lines otherwise. */
    static LoadProgress forCommandLine(boolean verbose, PrintStream err) {
        Mode mode = verbose ? Mode.VERBOSE : System.console() != null ? Mode.BAR : Mode.LINES;
        return new LoadProgress(err, mode, System::nanoTime);
    }

    Mode mode() { return mode; }

    @Override
    public void started(int total) {
        this.total = total;
        if (mode == Mode.BAR) draw();
    }

    @Override
    public void taken(ExtractionResult result) {
        done++;
        long now = clock.getAsLong();
        if (mode == Mode.BAR && now - lastShown >= REDRAW_NANOS) {
            draw();
        } else if (mode == Mode.LINES && now - lastShown >= LINE_NANOS) {
            out.println("fazhi: " + status(done, total, now - start, failed, warnings));
            lastShown = now;
        }
    }

    @Override
    public void failed(ExtractionResult.Failed problem) {
        failed++;
        say(problem.message());
    }

    @Override
    public void warned(String message) {
        warnings++;
        say(message);
    }

    /** Takes the bar away and tells what the load did; {@code where} follows it (" in kg-db", or ""). */
    void summary(LoadSummary s, String where) {
        clear();
        long elapsed = clock.getAsLong() - start;
        int reports = s.loaded().size() + s.skipped().size() + s.problems().size();
        out.println("fazhi: " + s.describe() + " in " + duration(elapsed) + " (" + rate(reports, elapsed) + " reports/s)" + where);
    }

    /** A line of its own: the bar is cleared, the line printed, the bar drawn again under it. */
    private void say(String message) {
        if (mode == Mode.VERBOSE) return; // the pipeline's log prints it
        clear();
        out.println("fazhi: " + message);
        if (mode == Mode.BAR && total >= 0) draw();
    }

    private void draw() {
        long now = clock.getAsLong();
        String line = bar(done, total, now - start, failed, warnings);
        out.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        out.flush();
        shown = line.length();
        lastShown = now;
    }

    private void clear() {
        if (shown == 0) return;
        out.print("\r" + " ".repeat(shown) + "\r");
        out.flush();
        shown = 0;
    }

    /** {@code [#########.....] 1234/10000 12.3 reports/s, 11 min left, 3 problems}. */
    static String bar(int done, int total, long elapsedNanos, int failed, int warnings) {
        int filled = total <= 0 ? WIDTH : (int) Math.min(WIDTH, (long) done * WIDTH / total);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + status(done, total, elapsedNanos, failed, warnings);
    }

    /** {@code 1234/10000 12.3 reports/s, 11 min left, 3 problems}: the rate and time left once a report is done. */
    static String status(int done, int total, long elapsedNanos, int failed, int warnings) {
        StringBuilder sb = new StringBuilder();
        sb.append(done).append('/').append(Math.max(total, done));
        if (done > 0 && elapsedNanos > 0) {
            double perSecond = done * 1e9 / elapsedNanos;
            sb.append(' ').append(rate(done, elapsedNanos)).append(" reports/s");
            if (total > done) sb.append(", ").append(left((long) Math.ceil((total - done) / perSecond))).append(" left");
        }
        sb.append(", ").append(failed).append(failed == 1 ? " problem" : " problems");
        if (warnings > 0) sb.append(", ").append(warnings).append(warnings == 1 ? " warning" : " warnings");
        return sb.toString();
    }

    static String rate(int reports, long elapsedNanos) {
        return elapsedNanos <= 0 ? "-" : String.format(Locale.ROOT, "%.1f", reports * 1e9 / elapsedNanos);
    }

    /** Elapsed time: {@code 0.4 s}, {@code 42 s}, {@code 12 min 3 s}, {@code 2 h 5 min}. */
    static String duration(long nanos) {
        if (nanos < TimeUnit.SECONDS.toNanos(10)) return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
        long s = TimeUnit.NANOSECONDS.toSeconds(nanos);
        if (s < 60) return s + " s";
        if (s < 3600) return s / 60 + " min " + s % 60 + " s";
        return s / 3600 + " h " + s % 3600 / 60 + " min";
    }

    /** Time left, as coarse as it is certain: {@code 40 s}, {@code 11 min}, {@code 2 h 5 min}. */
    static String left(long seconds) {
        if (seconds < 60) return seconds + " s";
        if (seconds < 3600) return (seconds + 30) / 60 + " min";
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
