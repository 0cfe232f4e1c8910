package org.w3id.fazhi.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Takes page furniture out of a report scraped from a web page and keeps the body.
 *
 * <p>Government pages wrap a report in the same furniture everywhere: breadcrumbs, font-size and
 * share buttons, view counts, "scan to open on your phone", footers with the host's address, ICP
 * and police registration numbers, and on mirror sites unrelated spam. The body is where the
 * paragraphs are: it starts at the first line that reads like running text or a numbered heading,
 * and it ends at the first footer line after the last paragraph. Lines in between that are pure
 * furniture are dropped too. Nothing inside a kept line is changed, so quotes found in the body
 * are verbatim quotes of the source.
 */
public final class ReportCleaner {

    /** A line that ends the body: everything from it on is the page's footer. */
    private static final Pattern FOOTER = Pattern.compile(
            "^(扫一扫|扫码|关联稿件|相关附件|附件下载|责编|责任编辑|编辑[:：]|审核[:：]|校对[:：]|联系人|联系电话|电话[:：]|传真[:：]|邮箱|电子邮箱|标签[:：]"
            + "|主办单位|承办单位|协办单位|技术支持|网站地图|上一篇|下一篇|相关推荐|相关链接|相关阅读|相关文章|关闭窗口|打印本页|【打印|【关闭"
            + "|分享到|版权所有|Copyright|copyright|©|地址[:：]|您访问的链接即将离开|网站标识码|政府网站标识码|\\d+人觉得有用|热门搜索|最近搜索)"
            + "|ICP备|公网安备|网站标识码");

    /** A line that is furniture wherever it stands. */
    private static final Pattern FURNITURE = Pattern.compile(
            "^(分享到|分享[:：]?$|打印$|字体|字号|【字体|浏览量|浏览次数|阅读[:：]|阅读次数|点击数|访问量|无障碍|关怀版|网站支持|您现在所在的位置|您当前的位置|您当前所在位置|您的位置|当前位置|首页\\s*[>＞]"
            + "|扫一扫|【打印|【关闭|收藏|Menu$|Baidu$|map$|请点击右上角|\\(欢迎您\\)|注销$)"
            + "|(小编|为大家整理|供大家阅读参考|欢迎阅读|仅供参考|本文来源于|更多精彩|专注分享)");

    /** Clause punctuation: titles and metadata lines never have it, running text always does. */
    private static final Pattern PROSE = Pattern.compile("[，,。；;！？]");
    private static final Pattern HEADING = Pattern.compile(
            "^\\s*([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])");

    private ReportCleaner() {}

    public static ReportCleaner create() { return new ReportCleaner(); }

    /**
     * Cleans one report.
     *
     * @param text the decoded page text, lines separated by {@code \n}
     */
    public CleanedDocument clean(String location, String fileName, String sha256, String text,
                                 Map<String, String> pageMetadata) {
        String[] lines = text.split("\n", -1);
        int first = firstBodyLine(lines);
        List<String> header = new ArrayList<>();
        for (int i = 0; i < first && i < lines.length; i++) {
            String t = lines[i].strip();
            if (!t.isEmpty()) header.add(t);
        }
        StringBuilder body = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        List<Integer> sources = new ArrayList<>();
        for (int i = first; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.isEmpty()) continue;
            if (isFooter(t)) break;
            if (isFurniture(t)) continue;
            if (body.length() > 0) body.append('\n');
            starts.add(body.length());
            sources.add(i);
            body.append(t);
        }
        return new CleanedDocument(location, fileName, sha256, header, body.toString(),
                starts.stream().mapToInt(Integer::intValue).toArray(),
                sources.stream().mapToInt(Integer::intValue).toArray(), pageMetadata);
    }

    /** The first line that is running text or a numbered heading and not furniture. */
    private static int firstBodyLine(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.isEmpty() || isFurniture(t) || isFooter(t)) continue;
            if (HEADING.matcher(t).find() || isProse(t)) return i;
        }
        return lines.length;
    }

    static boolean isProse(String line) {
        return line.length() >= 15 && PROSE.matcher(line).find() && !line.contains("|") && !FIELD.matcher(line).matches();
    }

    /**
     * A page's labelled field (主题分类: 综合政务,政务公开): a short label, a colon and a short value
     * that is no sentence, however many commas it lists.
     */
    private static final Pattern FIELD = Pattern.compile("^[\\p{IsHan}\\s]{2,8}[:：][^。；;！？]{0,40}$");

    static boolean isFooter(String line) {
        return line.length() <= 80 && FOOTER.matcher(line).find();
    }

    static boolean isFurniture(String line) {
        return line.length() <= 120 && FURNITURE.matcher(line).find();
    }
}
