package org.w3id.fazhi.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.Map;

/**
 * The figures of one {@code fazhi bench} run, written as JSON by {@code fazhi bench --json}.
 *
 * <p>The JSON is flat: each phase's figures are unwrapped into the top level under their own
 * keys, and a phase that did not run is null here and has no keys there. Figures are rounded to
 * three places; a figure that could not be measured (a query stopped by the time limit, a
 * restart that never answered) is null and written as null, so that it is seen to be missing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchResult(
        @JsonProperty("machine") Machine machine,
        @JsonProperty("reports") int reports,
        @JsonProperty("reports_small") int reportsSmall,
        @JsonUnwrapped Extract extract,
        @JsonUnwrapped Load load,
        @JsonUnwrapped Memory memory,
        @JsonUnwrapped Query query,
        @JsonUnwrapped Server server,
        @JsonUnwrapped Restart restart) {

    /** The machine the run was on. */
    public record Machine(
            @JsonProperty("cores") int cores,
            @JsonProperty("max_heap_mb") long maxHeapMb,
            @JsonProperty("java") String java,
            @JsonProperty("os") String os) {

        static Machine current() {
            return new Machine(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        }
    }

    /** Extraction of the small corpus against the baseline (read and match numbers). */
    public record Extract(
            @JsonProperty("extract_reports") int reports,
            @JsonProperty("extract_mb") Double mb,
            @JsonProperty("extract_reports_per_s") Double reportsPerS,
            @JsonProperty("extract_mb_per_s") Double mbPerS,
            @JsonProperty("baseline_reports_per_s") Double baselineReportsPerS,
            @JsonProperty("baseline_mb_per_s") Double baselineMbPerS,
            @JsonProperty("extract_triples") long triples,
            @JsonProperty("baseline_numbers") long baselineNumbers,
            @JsonProperty("extract_ratio") Double ratio) {}

    /** Extract and load of the small corpus against Jena's bulk loader on the same quads. */
    public record Load(
            @JsonProperty("load_reports") int reports,
            @JsonProperty("load_s") Double seconds,
            @JsonProperty("bulk_load_s") Double bulkSeconds,
            @JsonProperty("load_quads") long quads,
            @JsonProperty("load_ratio") Double ratio) {}

    /** The large corpus loaded in a child JVM with -Xmx512m; {@code peak_heap_mb} null when it printed none. */
    public record Memory(
            @JsonProperty("memory_load_ok") boolean ok,
            @JsonProperty("memory_load_s") Double seconds,
            @JsonProperty("peak_heap_mb") Double peakHeapMb,
            @JsonProperty("live_heap_mb") Double liveHeapMb,
            @JsonProperty("store_mb") Double storeMb) {}

    /** Per saved query, by name: median and p95 ms on the large store, median on the small one, and their ratio. */
    public record Query(
            @JsonProperty("query_p50_ms") Map<String, Double> p50Ms,
            @JsonProperty("query_p95_ms") Map<String, Double> p95Ms,
            @JsonProperty("query_p50_ms_small") Map<String, Double> p50MsSmall,
            @JsonProperty("query_growth") Map<String, Double> growth) {}

    /**
     * Concurrent SPARQL clients against the server on the large store, each saved query with
     * parameters drawn from the store; {@code server_cache_hit_rate} is the answer cache's hits
     * over its lookups during the run.
     */
    public record Server(
            @JsonProperty("server_clients") int clients,
            @JsonProperty("server_seconds") Double seconds,
            @JsonProperty("server_queries") int queries,
            @JsonProperty("server_qps") Double qps,
            @JsonProperty("server_p50_ms") Double p50Ms,
            @JsonProperty("server_p99_ms") Double p99Ms,
            @JsonProperty("server_errors") long errors,
            @JsonProperty("server_cache_hit_rate") Double cacheHitRate) {}

    /** From {@code fazhi serve} in a new JVM to its first answer; {@code restart_ms} null when none came. */
    public record Restart(@JsonProperty("restart_ms") Double ms) {}
}
