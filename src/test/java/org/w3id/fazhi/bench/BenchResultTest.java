package org.w3id.fazhi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The JSON of a hand-made {@link BenchResult}: the flat keys {@code fazhi bench --json} has always written. */
class BenchResultTest {

    private static final BenchResult.Machine MACHINE = new BenchResult.Machine(2, 4096, "17.0.1", "Linux amd64");

    @Test
    void everyPhaseWritesItsKeysInOrder() throws Exception {
        Map<String, Double> p50 = new LinkedHashMap<>();
        p50.put("reports-by-level", 6.5);
        p50.put("search-measures", null);
        BenchResult r = new BenchResult(MACHINE, 30, 30,
                new BenchResult.Extract(30, 1.2, 100.0, 4.0, 300.0, 12.0, 5000, 900, 0.333),
                new BenchResult.Load(30, 2.0, 1.5, 6000, 1.333),
                new BenchResult.Memory(true, 20.0, null, null, 55.5),
                new BenchResult.Query(p50, p50, p50, p50),
                new BenchResult.Server(32, 60.1, 1200, 19.967, 80.0, 900.0, 0, 0.125),
                new BenchResult.Restart(null),
                new BenchResult.Document("report.pdf", 256, 2100.0, 1270.0, 310.0, 180.5, 4300.0, 52));
        JsonNode n = BenchRunner.json().valueToTree(r);
        assertEquals(List.of("machine", "reports", "reports_small",
                "extract_reports", "extract_mb", "extract_reports_per_s", "extract_mb_per_s", "baseline_reports_per_s",
                "baseline_mb_per_s", "extract_triples", "baseline_numbers", "extract_ratio",
                "load_reports", "load_s", "bulk_load_s", "load_quads", "load_ratio", "bulk_load_same_indexes_s", "load_ratio_same_indexes",
                "load_warm_s", "bulk_load_warm_s", "load_ratio_warm", "bulk_load_same_indexes_warm_s", "load_ratio_same_indexes_warm",
                "memory_load_ok", "memory_load_s", "peak_heap_mb", "live_heap_mb", "store_mb", "memory_heap_mb",
                "store_mb_per_report", "store_parts_mb",
                "query_p50_ms", "query_p95_ms", "query_p50_ms_small", "query_growth", "query_p95_ms_small", "query_page_rows",
                "query_ran_as_written",
                "server_clients", "server_seconds", "server_queries", "server_qps", "server_p50_ms", "server_p99_ms", "server_errors",
                "server_cache_hit_rate", "server_answer_cache_mb", "server_from_tables", "server_as_written", "server_p50_ms_by_query", "server_p99_ms_by_query", "restart_ms",
                "document", "document_heap_mb", "document_startup_ms", "document_first_ms", "document_warm_ms",
                "document_peak_heap_mb", "document_command_ms", "document_facts"), keys(n));
        assertEquals(List.of("cores", "max_heap_mb", "java", "os"), keys(n.get("machine")));
        assertEquals(4096, n.get("machine").get("max_heap_mb").asLong());
        assertEquals(0.333, n.get("extract_ratio").asDouble());
        assertEquals(6000, n.get("load_quads").asLong());
        assertTrue(n.get("memory_load_ok").asBoolean());
        // a figure that could not be measured is written as null, not left out
        assertTrue(n.get("peak_heap_mb").isNull());
        assertTrue(n.get("restart_ms").isNull());
        assertEquals(List.of("reports-by-level", "search-measures"), keys(n.get("query_p50_ms")));
        assertTrue(n.get("query_growth").get("search-measures").isNull());
        assertEquals(19.967, n.get("server_qps").asDouble());
        assertEquals(0.125, n.get("server_cache_hit_rate").asDouble());
        assertEquals(1270.0, n.get("document_first_ms").asDouble());
    }

    @Test
    void aPhaseNotRunHasNoKeys() {
        BenchResult r = new BenchResult(MACHINE, 30, 30,
                new BenchResult.Extract(30, 1.2, 100.0, 4.0, 300.0, 12.0, 5000, 900, 0.333),
                null, null, null, null, null, null);
        JsonNode n = BenchRunner.json().valueToTree(r);
        assertEquals(List.of("machine", "reports", "reports_small",
                "extract_reports", "extract_mb", "extract_reports_per_s", "extract_mb_per_s", "baseline_reports_per_s",
                "baseline_mb_per_s", "extract_triples", "baseline_numbers", "extract_ratio"), keys(n));
    }

    private static List<String> keys(JsonNode n) {
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
