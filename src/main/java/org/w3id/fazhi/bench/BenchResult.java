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
        @JsonUnwrapped Restart restart,
        @JsonUnwrapped Document document) {

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

    /**
     * Extract and load of the small corpus against Jena's bulk loader on the same quads: each the
     * first time in the JVM (as a command runs it), then each again ({@code _warm}: the code
     * compiled, as it is through most of a large load).
     */
    public record Load(
            @JsonProperty("load_reports") int reports,
            @JsonProperty("load_s") Double seconds,
            @JsonProperty("bulk_load_s") Double bulkSeconds,
            @JsonProperty("load_quads") long quads,
            @JsonProperty("load_ratio") Double ratio,
            @JsonProperty("bulk_load_same_indexes_s") Double bulkSameSeconds,
            @JsonProperty("load_ratio_same_indexes") Double ratioSame,
            @JsonProperty("load_warm_s") Double warmSeconds,
            @JsonProperty("bulk_load_warm_s") Double bulkWarmSeconds,
            @JsonProperty("load_ratio_warm") Double ratioWarm,
            @JsonProperty("bulk_load_same_indexes_warm_s") Double bulkSameWarmSeconds,
            @JsonProperty("load_ratio_same_indexes_warm") Double ratioSameWarm) {

        public Load(int reports, Double seconds, Double bulkSeconds, long quads, Double ratio) {
            this(reports, seconds, bulkSeconds, quads, ratio, null, null, null, null, null, null, null);
        }
    }

    /**
     * The large corpus loaded in a child JVM with {@code memory_heap_mb} of heap; {@code peak_heap_mb}
     * null when it printed none; the store's folders on disk, and per report.
     */
    public record Memory(
            @JsonProperty("memory_load_ok") boolean ok,
            @JsonProperty("memory_load_s") Double seconds,
            @JsonProperty("peak_heap_mb") Double peakHeapMb,
            @JsonProperty("live_heap_mb") Double liveHeapMb,
            @JsonProperty("store_mb") Double storeMb,
            @JsonProperty("memory_heap_mb") Integer heapMb,
            @JsonProperty("store_mb_per_report") Double storeMbPerReport,
            @JsonProperty("store_parts_mb") Map<String, Double> partsMb) {

        public Memory(boolean ok, Double seconds, Double peakHeapMb, Double liveHeapMb, Double storeMb) {
            this(ok, seconds, peakHeapMb, liveHeapMb, storeMb, null, null, null);
        }
    }

    /**
     * Per saved query, by name: median and p95 ms on the large store, median on the small one, and
     * their ratio; each run the first page ({@code query_page_rows} rows) with parameter values
     * drawn from the store; {@code query_ran_as_written}: per query whose runs did not all come from
     * the answer tables, how many ran as written and why.
     */
    public record Query(
            @JsonProperty("query_p50_ms") Map<String, Double> p50Ms,
            @JsonProperty("query_p95_ms") Map<String, Double> p95Ms,
            @JsonProperty("query_p50_ms_small") Map<String, Double> p50MsSmall,
            @JsonProperty("query_growth") Map<String, Double> growth,
            @JsonProperty("query_p95_ms_small") Map<String, Double> p95MsSmall,
            @JsonProperty("query_page_rows") Integer pageRows,
            @JsonProperty("query_ran_as_written") Map<String, String> ranAsWritten) {

        public Query(Map<String, Double> p50Ms, Map<String, Double> p95Ms, Map<String, Double> p50MsSmall, Map<String, Double> growth) {
            this(p50Ms, p95Ms, p50MsSmall, growth, null, null, null);
        }
    }

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
            @JsonProperty("server_cache_hit_rate") Double cacheHitRate,
            @JsonProperty("server_answer_cache_mb") Long answerCacheMb,
            @JsonProperty("server_from_tables") Long fromTables,
            @JsonProperty("server_as_written") Long asWritten,
            @JsonProperty("server_p50_ms_by_query") java.util.Map<String, Double> p50ByQuery,
            @JsonProperty("server_p99_ms_by_query") java.util.Map<String, Double> p99ByQuery) {

        public Server(int clients, Double seconds, int queries, Double qps, Double p50Ms, Double p99Ms, long errors, Double cacheHitRate) {
            this(clients, seconds, queries, qps, p50Ms, p99Ms, errors, cacheHitRate, null, null, null, null, null);
        }
    }

    /** From {@code fazhi serve} in a new JVM to its first answer; {@code restart_ms} null when none came. */
    public record Restart(@JsonProperty("restart_ms") Double ms) {}

    /** One document read and extracted in a small heap (the document phase). */
    public record Document(
            @JsonProperty("document") String file,
            @JsonProperty("document_heap_mb") int heapMb,
            @JsonProperty("document_startup_ms") Double startupMs,
            @JsonProperty("document_first_ms") Double firstMs,
            @JsonProperty("document_warm_ms") Double warmMs,
            @JsonProperty("document_peak_heap_mb") Double peakHeapMb,
            @JsonProperty("document_command_ms") Double commandMs,
            @JsonProperty("document_facts") int facts) {}
}
