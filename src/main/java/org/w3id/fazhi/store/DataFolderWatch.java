package org.w3id.fazhi.store;

import org.w3id.fazhi.extract.LoadSummary;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Watches a data folder while the server answers, and loads what changed: new and changed files
 * (by the loader's content hashes, so a file touched but unchanged costs a hash) and files that are
 * gone (their graphs are removed), in one write transaction per batch, so a reader sees the store
 * before the batch or after it, never half a report. The answer cache and the dumps are keyed by
 * the store's generation, which the commit moves on.
 *
 * <p>The folder is scanned every interval (sizes and modification times of its files, hidden files
 * and editors' {@code ~} copies left out); a batch starts once a scan finds a change and the next
 * finds the folder as it was (quiet for one interval), so files still being copied are not read
 * half-written. Polling rather than file-system events: it sees every kind of file system, and a
 * scan of ten thousand files is a few milliseconds of {@code stat} calls.
 *
 * <pre>{@code
 * DataFolderWatch watch = DataFolderWatch.builder().store(store).folder(Path.of("data"))
 *         .loader(removed -> StoreLoader.builder().store(store).removed(removed).build()).build();
 * // the first load; then
 * watch.start();
 * }</pre>
 */
public final class DataFolderWatch implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    /** What one batch did. */
    public record Batch(List<String> changed, List<String> removed, LoadSummary summary, long generation, Duration took) {}

    private record FileState(long size, long modified) {}

    private final Path folder;
    private final KnowledgeStore store;
    private final Function<List<String>, StoreLoader> loaders;
    private final Duration interval;
    private final PrintStream log;
    private final Consumer<Batch> listener;
    private final ScheduledExecutorService timer;
    private Map<Path, FileState> loaded;
    private Map<Path, FileState> lastScan;
    private volatile int batches;

    private DataFolderWatch(Builder b) {
        this.folder = Objects.requireNonNull(b.folder, "folder");
        this.store = Objects.requireNonNull(b.store, "store");
        this.loaders = b.loaders != null ? b.loaders : removed -> StoreLoader.builder().store(store).removed(removed).compact(false).build();
        this.interval = b.interval;
        this.log = b.log;
        this.listener = b.listener;
        // The state the first load is about to load: what changes after this is the watch's.
        this.loaded = scan();
        this.lastScan = loaded;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fazhi-data-watch");
            t.setDaemon(true);
            return t;
        });
    }

    public static Builder builder() { return new Builder(); }

    /** Starts watching (after the first load). */
    public DataFolderWatch start() {
        long ms = interval.toMillis();
        timer.scheduleWithFixedDelay(this::tick, ms, ms, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Batches loaded so far. */
    public int batches() { return batches; }

    private void tick() {
        try {
            Map<Path, FileState> now = scan();
            if (now.equals(loaded)) {
                lastScan = now;
                return;
            }
            if (!now.equals(lastScan)) {
                // Changing still: wait until a scan finds the folder as the one before it.
                lastScan = now;
                return;
            }
            load(now);
        } catch (RuntimeException | Error e) {
            // The watch goes on: the next change tries again.
            say("watching " + folder + ": " + e);
        }
    }

    private void load(Map<Path, FileState> now) {
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        now.forEach((p, s) -> {
            if (!s.equals(loaded.get(p))) changed.add(p.toString());
        });
        loaded.keySet().forEach(p -> {
            if (!now.containsKey(p)) removed.add(p.toString());
        });
        long t0 = System.nanoTime();
        say(folder + " changed (" + changed.size() + " new or changed file(s), " + removed.size() + " gone): loading");
        List<String> inputs = Files.isDirectory(folder) ? List.of(folder.toString()) : List.of();
        LoadSummary summary = loaders.apply(removed).load(inputs);
        loaded = now;
        lastScan = now;
        batches++;
        Batch batch = new Batch(List.copyOf(changed), List.copyOf(removed), summary, store.generation(),
                Duration.ofNanos(System.nanoTime() - t0));
        say("loaded " + summary.loaded().size() + " report(s), removed the graphs of " + removed.size() + " file(s), "
                + summary.problems().size() + " problem(s) in " + batch.took().toMillis() + " ms; generation " + batch.generation());
        if (listener != null) listener.accept(batch);
    }

    /** The folder's files with their sizes and modification times; none when it is missing. */
    private Map<Path, FileState> scan() {
        Map<Path, FileState> out = new TreeMap<>();
        if (!Files.isDirectory(folder)) return out;
        try (Stream<Path> files = Files.walk(folder)) {
            files.forEach(p -> {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || name.endsWith("~")) return;
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile()) out.put(p, new FileState(a.size(), a.lastModifiedTime().to(TimeUnit.MICROSECONDS)));
                } catch (IOException e) {
                    // gone between the listing and the look: the next scan sees it gone
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("cannot read the folder " + folder,
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
        return out;
    }

    private void say(String message) {
        if (log != null) log.println("fazhi: " + message);
    }

    /** Stops watching; a batch being loaded is finished first. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Configuration of a watch. */
    public static final class Builder {
        private Path folder;
        private KnowledgeStore store;
        private Function<List<String>, StoreLoader> loaders;
        private Duration interval = DEFAULT_INTERVAL;
        private PrintStream log;
        private Consumer<Batch> listener;

        public Builder folder(Path folder) { this.folder = folder; return this; }

        public Builder store(KnowledgeStore store) { this.store = store; return this; }

        /**
         * Makes the loader of one batch, given the files that are gone (default: a plain
         * {@link StoreLoader} of the store that does not compact); the loader must remove their graphs
         * ({@link StoreLoader.Builder#removed}) and should not compact ({@link StoreLoader.Builder#compact}).
         */
        public Builder loader(Function<List<String>, StoreLoader> loaders) { this.loaders = loaders; return this; }

        /** How often the folder is scanned (default 2 s); a batch waits for one quiet interval. */
        public Builder interval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval: " + interval);
            this.interval = interval;
            return this;
        }

        /** Where to say what each batch did (default: nowhere). */
        public Builder log(PrintStream log) { this.log = log; return this; }

        /** Told of every batch after its commit. */
        public Builder listener(Consumer<Batch> listener) { this.listener = listener; return this; }

        /** Takes the folder's state now: start the first load after this, and {@link #start()} after it. */
        public DataFolderWatch build() { return new DataFolderWatch(this); }
    }
}
