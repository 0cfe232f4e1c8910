package org.w3id.fazhi.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTML pages: readable text one line per block, scripts dropped, head metadata kept. */
class HtmlSourceTest {
    private static final SourceReader READER = SourceReader.builder().build();

    static final String PAGE = """
            <!DOCTYPE html>
            <html><head>
            <meta charset="utf-8">
            <title>南昌县2023年法治政府建设年度报告_南昌县人民政府</title>
            <meta name="ArticleTitle" content="南昌县2023年法治政府建设年度报告">
            <meta name="PubDate" content="2024-01-15 10:30">
            <meta name="ContentSource" content="南昌县司法局">
            <meta name="viewport">
            <script>var tracker = "不应出现";</script>
            <style>p { text-indent: 2em; }</style>
            </head>
            <body>
            <div class="crumb">首页 &gt; 政务公开</div>
            <div class="article">
              <h1>南昌县2023年法治政府建设年度报告</h1>
              <p>&nbsp;&nbsp;一、主要举措和成效</p>
              <p>（一）加强<strong>组织</strong>领导。<br>县委常委会
                专题研究法治工作4次。</p>
              <script>document.write("广告");</script>
              <noscript>请启用脚本</noscript>
              <ul><li>行政复议</li><li>行政诉讼</li></ul>
              <table><tr><td>收案</td><td>125件</td></tr></table>
            </div>
            </body></html>
            """;

    @TempDir
    Path dir;

    @Test
    void blocksBecomeLinesAndScriptsAreDropped() throws Exception {
        Path file = dir.resolve("report.html");
        Files.writeString(file, PAGE, UTF_8);
        SourceDocument document = READER.readOne(file.toString());
        assertEquals("""
                首页 > 政务公开
                南昌县2023年法治政府建设年度报告
                一、主要举措和成效
                （一）加强组织领导。
                县委常委会专题研究法治工作4次。
                行政复议
                行政诉讼
                收案
                125件""", document.text());
        assertEquals(MediaKind.HTML, document.kind());
        assertEquals("UTF-8", document.charset());
        assertEquals("report.html", document.fileName());
    }

    @Test
    void titleAndNamedMetaAreCapturedInPageOrder() throws Exception {
        Path file = dir.resolve("report.htm");
        Files.writeString(file, PAGE, UTF_8);
        Map<String, String> metadata = READER.readOne(file.toString()).pageMetadata();
        assertEquals(List.of("title", "ArticleTitle", "PubDate", "ContentSource"), List.copyOf(metadata.keySet()));
        assertEquals("南昌县2023年法治政府建设年度报告_南昌县人民政府", metadata.get("title"));
        assertEquals("南昌县2023年法治政府建设年度报告", metadata.get("ArticleTitle"));
        assertEquals("2024-01-15 10:30", metadata.get("PubDate"));
        assertEquals("南昌县司法局", metadata.get("ContentSource"));
        assertThrows(UnsupportedOperationException.class, () -> metadata.put("x", "y"));
    }

    @Test
    void gbkPageWithCharsetMeta() throws Exception {
        String page = """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
                <title>法治政府建设报告</title><meta name="SiteName" content="新建区人民政府"></head>
                <body><div>新建区2023年法治政府建设情况</div><div>一、推进依法行政</div></body></html>""";
        Path file = dir.resolve("xinjian.HTML");
        Files.write(file, page.getBytes(Charset.forName("GBK")));
        SourceDocument document = READER.readOne(file.toString());
        assertEquals("GBK", document.charset());
        assertEquals("新建区2023年法治政府建设情况\n一、推进依法行政", document.text());
        assertEquals(Map.of("title", "法治政府建设报告", "SiteName", "新建区人民政府"), document.pageMetadata());
    }

    @Test
    void pageWithoutBody() throws Exception {
        Path file = dir.resolve("head-only.html");
        Files.writeString(file, "<html><head><title>x</title></head></html>", UTF_8);
        SourceException e = assertThrows(SourceException.class, () -> READER.readOne(file.toString()));
        assertEquals(file + ": HTML page has no body text", e.getMessage());
    }

    @Test
    void pageWhoseBodyIsOnlyScripts() throws Exception {
        Path file = dir.resolve("scripts.html");
        Files.writeString(file, "<html><body>\n<script>location.href='/x';</script><style>p{}</style>&nbsp;</body></html>", UTF_8);
        SourceException e = assertThrows(SourceException.class, () -> READER.readOne(file.toString()));
        assertEquals(file + ": HTML page has no body text", e.getMessage());
    }
}
