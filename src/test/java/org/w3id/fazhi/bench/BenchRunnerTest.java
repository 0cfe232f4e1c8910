package org.w3id.fazhi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.fazhi.cli.Fazhi;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** A tiny {@code fazhi bench} run: the JSON has its keys. No timing is asserted. */
class BenchRunnerTest {

    @Test
    void tinyRunWritesTheKeys(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        int exit = Fazhi.commandLine().execute("bench", "--reports", "20", "--only", "extract,load,query",
                "--query-runs", "2", "--work", dir.resolve("work").toString(), "--json", json.toString());
        assertEquals(0, exit);
        JsonNode n = BenchRunner.json().readTree(json.toFile());
        for (String key : new String[] {"extract_ratio", "extract_reports_per_s", "extract_mb_per_s", "baseline_reports_per_s",
                "load_ratio", "load_s", "bulk_load_s", "query_p50_ms", "query_p95_ms", "query_growth"}) {
            assertTrue(n.has(key), "missing " + key + " in " + n);
        }
        assertTrue(n.get("extract_ratio").asDouble() > 0);
        assertTrue(n.get("load_ratio").asDouble() > 0);
        assertTrue(n.get("query_p50_ms").size() >= 10, n.get("query_p50_ms").toString());
        assertEquals(n.get("query_p50_ms").size(), n.get("query_growth").size());
        assertTrue(n.get("load_quads").asLong() > 1000);
    }

    @Test
    void tinyServerRunReportsTheCacheHitRate(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        int exit = Fazhi.commandLine().execute("bench", "--reports", "20", "--only", "server", "--server-seconds", "3",
                "--clients", "2", "--work", dir.resolve("work").toString(), "--json", json.toString());
        assertEquals(0, exit);
        JsonNode n = BenchRunner.json().readTree(json.toFile());
        assertTrue(n.get("server_queries").asLong() > 0, n.toString());
        assertEquals(0, n.get("server_errors").asLong(), n.toString());
        double rate = n.get("server_cache_hit_rate").asDouble();
        assertTrue(rate >= 0 && rate < 1, n.toString());
    }
}
