package org.w3id.fazhi.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Web pages served by a local server on a free port. */
class HttpSourceTest {
    private static final String PAGE = "<html><head><title>法治政府建设年度报告</title>"
            + "<meta name=\"PubDate\" content=\"2024-02-01\"></head>"
            + "<body><p>进贤县2023年法治政府建设年度报告</p><p>一、工作成效</p></body></html>";

    private final SourceReader reader = SourceReader.builder().httpTimeout(Duration.ofSeconds(5)).build();
    private LocalSite server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = new LocalSite();
        // No meta charset in the page: only the Content-Type header says GBK.
        server.serve("/art/report.html", exchange ->
                LocalSite.respond(exchange, 200, "text/html; charset=GBK", PAGE.getBytes(Charset.forName("GBK"))));
        server.serve("/chunked.html", exchange -> {   // length 0: chunked, no Content-Length
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(PAGE.getBytes(UTF_8));
            }
        });
        server.serve("/latest", exchange -> {
            exchange.getResponseHeaders().add("Location", "/art/report.html");
            LocalSite.respond(exchange, 302, "text/plain", new byte[0]);
        });
        server.serve("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/")) {
                LocalSite.respond(exchange, 200, "text/plain; charset=utf-8", "首页文本\r\n".getBytes(UTF_8));
            } else {
                LocalSite.respond(exchange, 404, "text/html", "<h1>404</h1>".getBytes(UTF_8));
            }
        });
        base = server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void htmlWithCharsetInContentType() throws Exception {
        SourceDocument document = reader.readOne(base + "/art/report.html");
        assertEquals(base + "/art/report.html", document.location());
        assertEquals("report.html", document.fileName());
        assertEquals(MediaKind.HTML, document.kind());
        assertEquals("GBK", document.charset());
        assertEquals("进贤县2023年法治政府建设年度报告\n一、工作成效", document.text());
        assertEquals(Map.of("title", "法治政府建设年度报告", "PubDate", "2024-02-01"), document.pageMetadata());
    }

    @Test
    void redirectsAreFollowedAndTheLocationIsKeptAsGiven() throws Exception {
        SourceDocument document = reader.readOne(base + "/latest");
        assertEquals(base + "/latest", document.location());
        assertEquals("latest", document.fileName());
        assertEquals("进贤县2023年法治政府建设年度报告\n一、工作成效", document.text());
    }

    @Test
    void plainTextAtTheSiteRoot() throws Exception {
        SourceDocument document = reader.readOne(base + "/");
        assertEquals("index.html", document.fileName());
        assertEquals(MediaKind.TEXT, document.kind());
        assertEquals("首页文本\n", document.text());
    }

    @Test
    void notFoundIsAProblemAndTheOtherInputsAreStillRead() {
        String missing = base + "/art/missing.html";
        SourceBatch batch = reader.read(List.of(missing, base + "/art/report.html"));
        assertEquals(List.of(base + "/art/report.html"), batch.documents().stream().map(SourceDocument::location).toList());
        assertEquals(List.of(new SourceProblem(missing, missing + ": HTTP 404 from " + missing)), batch.problems());
    }

    @Test
    void responseOverTheLimit() {
        SourceReader small = SourceReader.builder().maxBytes(100).build();
        SourceException e = assertThrows(SourceException.class, () -> small.readOne(base + "/art/report.html"));
        assertEquals(base + "/art/report.html: file is " + PAGE.getBytes(Charset.forName("GBK")).length
                + " bytes, larger than the 100 bytes limit"
                + " (a report is at most a few hundred KB; set --max-size to read it anyway)", e.getMessage());
    }

    @Test
    void chunkedResponseOverTheLimitIsCutOff() throws Exception {
        SourceReader small = SourceReader.builder().maxBytes(100).build();
        SourceException e = assertThrows(SourceException.class, () -> small.readOne(base + "/chunked.html"));
        assertEquals(base + "/chunked.html: response is larger than the 100 bytes limit"
                + " (a report is at most a few hundred KB; set --max-size to read it anyway)", e.getMessage());
        assertEquals("进贤县2023年法治政府建设年度报告\n一、工作成效", reader.readOne(base + "/chunked.html").text());
    }

    @Test
    void unsupportedScheme() {
        SourceException e = assertThrows(SourceException.class, () -> reader.readOne("ftp://example.gov.cn/report.txt"));
        assertEquals("ftp://example.gov.cn/report.txt: unsupported URL scheme \"ftp\" (only http and https)", e.getMessage());
    }
}
