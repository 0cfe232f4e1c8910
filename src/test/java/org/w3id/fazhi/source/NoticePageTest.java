package org.w3id.fazhi.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A list of notice-page URLs yields the reports they carry as attachments: one level, same site. */
class NoticePageTest {
    private static final List<String> REPORT = List.of("高台县人民政府2020年度法治政府建设情况报告",
            "一、2020年法治政府建设主要成效", "全年共办理行政复议案件23件，行政诉讼案件41件。");

    private final SourceReader reader = SourceReader.builder().httpTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger otherSiteHits = new AtomicInteger();
    private LocalSite server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        byte[] pdf = TestDocuments.pdf(REPORT, "政府信息公开", TestDocuments.PageNumbers.DASHES, null, null);
        byte[] scan = TestDocuments.scannedPdf();
        server = new LocalSite();
        server.serve("/notice.html", x -> page(x, "<p>关于公开高台县2020年度法治政府建设情况报告的通知</p>"
                + "<p>附件：<a href=\"/module/download/downfile.jsp?classid=0&amp;filename=2101.pdf\">高台县2020年度法治政府建设情况报告</a></p>"
                + "<p><a href=\"/index.html\">返回首页</a></p>" + menu()));
        server.serve("/module/download/downfile.jsp", x -> LocalSite.respond(x, 200, "application/octet-stream", pdf));
        server.serve("/scanned-notice.html", x -> page(x, "<p>通知</p><p><a href=\"/files/scan.pdf\">附件1</a></p>"));
        server.serve("/files/scan.pdf", x -> LocalSite.respond(x, 200, "application/pdf", scan));
        server.serve("/elsewhere.html", x -> page(x, "<p>通知</p><p>附件：<a href=\"http://localhost:"
                + server.port() + "/other-site.pdf\">报告.pdf</a></p>"));
        server.serve("/other-site.pdf", x -> {
            otherSiteHits.incrementAndGet();
            LocalSite.respond(x, 200, "application/pdf", pdf);
        });
        server.serve("/full-report.html", x -> page(x, "<p>" + "全年共办理行政复议案件23件。".repeat(120) + "</p>"
                + "<p>附件：<a href=\"/files/table.pdf\">统计表.pdf</a></p>"));
        base = server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void noticePageIsReadAsItsAttachment() throws Exception {
        SourceDocument doc = reader.readOne(base + "/notice.html");
        assertEquals(MediaKind.PDF, doc.kind());
        assertEquals(base + "/notice.html", doc.location());
        assertEquals(base + "/module/download/downfile.jsp?classid=0&filename=2101.pdf", doc.pageMetadata().get(SourceDocument.ATTACHMENT));
        assertEquals(String.join("\n", REPORT), doc.text().replace(" ", ""));
    }

    @Test
    void anAttachmentThatCannotBeReadIsNamedWithThePage() {
        SourceException e = assertThrows(SourceException.class, () -> reader.readOne(base + "/scanned-notice.html"));
        assertEquals(ProblemKind.SCANNED, e.kind());
        assertTrue(e.getMessage().startsWith(base + "/scanned-notice.html: attachment " + base + "/files/scan.pdf: scanned PDF"),
                e.getMessage());
    }

    @Test
    void attachmentsOnAnotherSiteAreNotFetched() throws Exception {
        // 127.0.0.1 and localhost are two hosts to a browser, and to the reader.
        SourceDocument doc = reader.readOne(base + "/elsewhere.html");
        assertEquals(MediaKind.HTML, doc.kind());
        assertEquals(0, otherSiteHits.get());
    }

    @Test
    void aPageThatIsAReportIsReadAsThePage() throws Exception {
        assertEquals(MediaKind.HTML, reader.readOne(base + "/full-report.html").kind());
    }

    /** A portal's menu: more characters than the notice, none of them running text. */
    private static String menu() {
        StringBuilder menu = new StringBuilder("<ul>");
        for (int i = 0; i < 300; i++) menu.append("<li><a href=\"/col/").append(i).append("\">政务公开专栏信息</a></li>");
        return menu.append("</ul>").toString();
    }

    private static void page(HttpExchange exchange, String body) throws IOException {
        LocalSite.respond(exchange, 200, "text/html; charset=utf-8", ("<html><head><title>通知</title></head><body>" + body + "</body></html>").getBytes(UTF_8));
    }
}
