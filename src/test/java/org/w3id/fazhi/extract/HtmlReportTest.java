package org.w3id.fazhi.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.fazhi.source.SourceReader;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A saved government page, GBK-encoded, through the whole pipeline. */
class HtmlReportTest {

    private static final String PAGE = """
            <html><head>
            <meta http-equiv="Content-Type" content="text/html; charset=gbk">
            <title>望城区人民政府二〇二二年度法治政府建设情况报告_长沙市望城区人民政府门户网站</title>
            <meta name="PubDate" content="2023-02-20 10:00">
            <meta name="ContentSource" content="望城区司法局">
            <script>var x = "2023年12件";</script>
            </head><body>
            <div class="nav">首页 &gt; 政务公开 &gt; 法治政府建设</div>
            <div class="share">分享到:</div>
            <div class="article">
            <p>2022年,我区坚持以习近平法治思想为指导,全区法治政府建设取得新成效。</p>
            <p>一、主要成效</p>
            <p>全年共收到行政复议申请86件,依法受理71件,坚持和发展新时代“枫桥经验”,调解成功率约为98.5%。</p>
            <p>二、下一步工作打算</p>
            <p>深入推进“一网通办”。</p>
            </div>
            <div class="footer">主办单位:长沙市望城区人民政府办公室 湘ICP备05001234号</div>
            </body></html>
            """;

    @Test
    void aGbkPageReadsLikeAText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wangcheng.html");
        Files.write(file, PAGE.getBytes(Charset.forName("GBK")));
        ExtractedReport r = Extractor.builder().build().extract(SourceReader.builder().build().readOne(file.toString()));
        var meta = r.mentions().metadata();
        assertEquals("望城区人民政府二〇二二年度法治政府建设情况报告", meta.title());
        assertEquals("望城区", meta.regionName());
        assertEquals("湖南省", meta.province());
        assertEquals(2022, meta.year());
        assertEquals("2023-02-20", meta.published().toString());
        assertEquals("望城区司法局", meta.publisher());
        var facts = r.mentions().metrics();
        assertEquals(3, facts.size(), facts.toString());
        assertEquals("reconsideration-received", facts.get(0).indicator());
        assertEquals("reconsideration-accepted", facts.get(1).indicator());
        assertEquals("about", facts.get(2).approximation().notation());
        assertFalse(r.document().text().contains("ICP"));
        assertFalse(r.document().text().contains("var x"));
        var status = r.mentions().programStatus();
        assertTrue(status.keySet().stream().anyMatch(p -> p.label().equals("枫桥经验")));
        assertEquals("planned", status.entrySet().stream().filter(e -> e.getKey().label().equals("一网通办"))
                .findFirst().orElseThrow().getValue().notation());
    }
}
