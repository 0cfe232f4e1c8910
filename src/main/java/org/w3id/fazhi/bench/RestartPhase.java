package org.w3id.fazhi.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.w3id.fazhi.bench.BenchContext.freePort;
import static org.w3id.fazhi.bench.BenchContext.javaBin;
import static org.w3id.fazhi.bench.BenchContext.round;

/** The restart phase: {@code fazhi serve} on the large store in a new JVM, timed to its first answer. */
final class RestartPhase {

    private RestartPhase() {}

    static BenchResult.Restart run(BenchContext ctx, Path db) throws IOException, InterruptedException {
        int port = freePort();
        Path noData = ctx.work.resolve("no-data");
        List<String> cmd = List.of(javaBin(), "-cp", System.getProperty("java.class.path"), "org.w3id.fazhi.cli.Fazhi",
                "serve", "--db", db.toString(), "--port", Integer.toString(port), "--data", noData.toString());
        HttpClient http = HttpClient.newHttpClient();
        String ask = "http://127.0.0.1:" + port + "/kg/sparql?query=" + URLEncoder.encode(
                "SELECT ?r { ?r a <https://w3id.org/fazhi/ontology#Report> } LIMIT 1", StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ctx.work.resolve("restart.log").toFile()).start();
        double ms = -1;
        try {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline && p.isAlive()) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ask)).timeout(Duration.ofSeconds(30))
                            .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("/id/report/")) {
                        ms = (System.nanoTime() - t0) / 1e6;
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
        }
        ctx.row("restart on " + ctx.reports + " reports", ms < 0 ? "FAILED: see " + ctx.work.resolve("restart.log")
                : String.format("%.0f ms from serve to the first answer (new JVM)", ms), "");
        return new BenchResult.Restart(ms < 0 ? null : round(ms));
    }
}
