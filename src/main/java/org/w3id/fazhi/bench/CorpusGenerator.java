package org.w3id.fazhi.bench;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.fazhi.rdf.FZ;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic generator of <b>synthetic</b> reports for benchmarks: paragraphs of the real
 * reports in {@code data/reports} recombined, with regions drawn from {@code regions.ttl} at every
 * level, years 2016–2024, numbers scaled and program mentions swapped. The same seed gives a
 * byte-identical corpus. The output is for benchmarks only and is never committed.
 */
public final class CorpusGenerator {

    /** The names each real report uses for itself, its prefecture and its province. */
    private static final Map<String, String[][]> SOURCE_NAMES = Map.of(
            "gaotai-county-2020", new String[][] {{"高台县", "高台"}, {"张掖市", "张掖"}, {"甘肃省", "甘肃"}},
            "nanchang-county-2023", new String[][] {{"南昌县"}, {"南昌市"}, {"江西省", "江西"}},
            "shanwei-chengqu-2023", new String[][] {{"汕尾市城区"}, {"汕尾市", "汕尾"}, {"广东省", "广东"}},
            "dalian-jinpu-new-area-2023", new String[][] {{"大连金普新区", "金普新区", "金普"}, {"大连市", "大连"}, {"辽宁省", "辽宁"}},
            "xiangyang-high-tech-zone-2023", new String[][] {{"襄阳高新技术产业开发区", "襄阳高新区", "高新区"}, {"襄阳市", "襄阳"}, {"湖北省", "湖北"}});

    private static final Pattern TOP = Pattern.compile("^\\s*([一二三四五六七八九十]+)、(.*)$");
    private static final Pattern SUB = Pattern.compile("^\\s*[（(]([一二三四五六七八九十]+)[）)](.*)$");
    private static final Pattern INTRO = Pattern.compile("^\\s*(20\\d\\d)年[,，]");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])(\\d+)(\\.\\d+)?(?![\\d.])");
    private static final Pattern YEAR = Pattern.compile("(20\\d\\d)(?=年)");
    private static final String[] CN = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
            "十一", "十二", "十三", "十四", "十五"};

    /** Level weights: county and district reports dominate, as in reality. */
    private static final String[] LEVELS = {"ProvinceLevel", "PrefectureLevel", "CountyLevel", "DistrictLevel",
            "DevelopmentZoneLevel", "NewAreaLevel"};
    private static final double[] LEVEL_WEIGHTS = {0.04, 0.16, 0.38, 0.26, 0.11, 0.05};

    record Region(String key, String label, String level, Region parent, Region province) {
        String titleName() {
            return level.equals("DistrictLevel") && parent != null ? parent.label + label : label;
        }
    }

    /** A paragraph of a real report, with where program labels occur in it. */
    record Para(String text, int source, List<int[]> programs) {}

    private final List<String> sourceKeys = new ArrayList<>();
    private final List<Integer> sourceYears = new ArrayList<>();
    private final List<Pattern> sourceNames = new ArrayList<>();
    private final List<Map<String, Integer>> sourceRoles = new ArrayList<>();
    private final List<Para> intros = new ArrayList<>();
    private final List<List<Para>> parts = new ArrayList<>();
    private final List<Para> problems = new ArrayList<>();
    private final List<Para> plans = new ArrayList<>();
    private final Map<String, List<Region>> regionsByLevel = new TreeMap<>();
    private final List<String> programLabels = new ArrayList<>();

    private CorpusGenerator() {}

    /** Reads the real reports in {@code reportsDir} and the regions and programs shipped in the jar. */
    public static CorpusGenerator fromReports(Path reportsDir) {
        CorpusGenerator g = new CorpusGenerator();
        g.readPrograms();
        g.readRegions();
        try (var files = Files.list(reportsDir)) {
            List<Path> sorted = files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
            for (Path p : sorted) g.readReport(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + reportsDir, e);
        }
        if (g.parts.isEmpty() || g.plans.isEmpty()) throw new IllegalStateException("no usable reports in " + reportsDir);
        return g;
    }

    int regionCount() { return regionsByLevel.values().stream().mapToInt(List::size).sum(); }

    /** Writes {@code n} reports to {@code dir}, named {@code r00001-KEY-YEAR.txt}; returns the files. */
    public List<Path> generate(int n, long seed, Path dir) {
        try {
            Files.createDirectories(dir);
            SplittableRandom random = new SplittableRandom(seed);
            Set<String> used = new HashSet<>();
            List<Path> out = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                Region region;
                int year;
                do {
                    region = pickRegion(random);
                    year = 2016 + random.nextInt(9);
                } while (!used.add(region.key + "-" + year));
                String text = report(random, region, year);
                Path file = dir.resolve(String.format("r%05d-%s-%d.txt", i, region.key, year));
                Files.writeString(file, text, StandardCharsets.UTF_8);
                out.add(file);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the corpus to " + dir, e);
        }
    }

    /** One report's text. */
    String report(SplittableRandom random, Region region, int year) {
        double scale = Math.exp(random.nextDouble(-0.8, 0.8));
        StringBuilder sb = new StringBuilder(16_000);
        String name = region.titleName();
        sb.append(name).append(year).append("年法治政府建设年度报告\n\n");
        sb.append("来源: ").append(name).append("人民政府 发布时间:").append(year + 1).append('-')
                .append(String.format("%02d-%02d", 1 + random.nextInt(3), 1 + random.nextInt(28))).append("\n\n");
        sb.append(vary(random, intros.get(random.nextInt(intros.size())), region, year, scale)).append("\n\n");
        sb.append("一、").append(random.nextBoolean() ? "主要措施及成效" : year + "年法治政府建设主要工作及成效").append("\n\n");
        int nParts = 3 + random.nextInt(4);
        List<Integer> chosen = distinct(random, parts.size(), nParts);
        for (int k = 0; k < chosen.size(); k++) {
            List<Para> part = parts.get(chosen.get(k));
            for (int j = 0; j < part.size(); j++) {
                String text = vary(random, part.get(j), region, year, scale);
                if (j == 0) text = "（" + CN[k] + "）" + text;
                sb.append(text).append("\n\n");
            }
        }
        sb.append("二、存在的问题\n\n");
        for (int idx : distinct(random, problems.size(), 1 + random.nextInt(2))) {
            sb.append(vary(random, problems.get(idx), region, year, scale)).append("\n\n");
        }
        sb.append("三、").append(random.nextBoolean() ? "下一步工作打算" : (year + 1) + "年工作打算").append("\n\n");
        List<Integer> planIdx = distinct(random, plans.size(), 2 + random.nextInt(3));
        for (int k = 0; k < planIdx.size(); k++) {
            sb.append(vary(random, plans.get(planIdx.get(k)), region, year, scale)).append("\n\n");
        }
        return sb.toString();
    }

    private static List<Integer> distinct(SplittableRandom random, int size, int count) {
        List<Integer> out = new ArrayList<>();
        count = Math.min(count, size);
        while (out.size() < count) {
            int i = random.nextInt(size);
            if (!out.contains(i)) out.add(i);
        }
        return out;
    }

    private Region pickRegion(SplittableRandom random) {
        double r = random.nextDouble(), acc = 0;
        for (int i = 0; i < LEVELS.length; i++) {
            acc += LEVEL_WEIGHTS[i];
            List<Region> at = regionsByLevel.get(LEVELS[i]);
            if ((r < acc || i == LEVELS.length - 1) && at != null && !at.isEmpty()) return at.get(random.nextInt(at.size()));
        }
        List<Region> any = regionsByLevel.get("CountyLevel");
        return any.get(random.nextInt(any.size()));
    }

    /** A real paragraph made this report's: a program swapped sometimes, names, years and numbers replaced. */
    private String vary(SplittableRandom random, Para p, Region region, int year, double scale) {
        String text = p.text;
        if (!p.programs.isEmpty() && random.nextInt(3) == 0) {
            int[] hit = p.programs.get(random.nextInt(p.programs.size()));
            String other = programLabels.get(random.nextInt(programLabels.size()));
            text = text.substring(0, hit[0]) + other + text.substring(hit[1]);
        }
        // names of the source's region, prefecture and province
        Map<String, Integer> roles = sourceRoles.get(p.source);
        String self = region.label;
        String prefecture = region.parent != null ? region.parent.label : region.label;
        String province = region.province != null ? region.province.label : region.label;
        Matcher m = sourceNames.get(p.source).matcher(text);
        StringBuilder sb = new StringBuilder(text.length() + 16);
        while (m.find()) {
            int role = roles.get(m.group());
            m.appendReplacement(sb, Matcher.quoteReplacement(role == 0 ? self : role == 1 ? prefecture : province));
        }
        m.appendTail(sb);
        text = sb.toString();
        // years: the source's year becomes this report's
        int sourceYear = sourceYears.get(p.source);
        m = YEAR.matcher(text);
        sb.setLength(0);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            int d = y - sourceYear;
            m.appendReplacement(sb, d >= -1 && d <= 1 ? Integer.toString(year + d) : m.group(1));
        }
        m.appendTail(sb);
        text = sb.toString();
        // numbers: scaled, format kept
        m = NUMBER.matcher(text);
        sb.setLength(0);
        while (m.find()) {
            m.appendReplacement(sb, scaleNumber(random, text, m, scale));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String scaleNumber(SplittableRandom random, String text, Matcher m, double scale) {
        String whole = m.group();
        int end = m.end(), start = m.start();
        char next = end < text.length() ? text.charAt(end) : ' ';
        char prev = start > 0 ? text.charAt(start - 1) : ' ';
        if ("年月日号届·-—:：+".indexOf(next) >= 0 || "·-—:：+第".indexOf(prev) >= 0) return whole;
        if (m.group(2) == null && m.group(1).length() == 4 && whole.compareTo("1949") >= 0 && whole.compareTo("2100") <= 0) {
            return whole;
        }
        double v = Double.parseDouble(whole);
        if (v == 0) return whole;
        double f = scale * random.nextDouble(0.9, 1.1);
        double scaled = v * f;
        boolean percent = next == '%' || next == '％';
        if (percent && v <= 100 && scaled > 100) scaled = Math.max(v, 100 - (100 - v) * f);
        if (percent && scaled > 100) scaled = v;
        if (m.group(2) == null) return Long.toString(Math.max(1, Math.round(scaled)));
        int decimals = m.group(2).length() - 1;
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", scaled);
    }

    // ------------------------------------------------------------------ reading the sources

    private void readReport(Path file) throws IOException {
        String key = file.getFileName().toString().replaceFirst("\\.txt$", "");
        String[][] names = SOURCE_NAMES.get(key);
        if (names == null) return;
        Matcher ym = Pattern.compile("(20\\d\\d)$").matcher(key);
        int source = sourceKeys.size();
        sourceKeys.add(key);
        sourceYears.add(ym.find() ? Integer.parseInt(ym.group(1)) : 2023);
        Map<String, Integer> roles = new LinkedHashMap<>();
        for (int role = 0; role < names.length; role++) for (String n : names[role]) roles.put(n, role);
        sourceRoles.add(roles);
        sourceNames.add(Pattern.compile(roles.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).reduce((a, b) -> a + "|" + b).orElseThrow()));

        List<String> paragraphs = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (!t.isEmpty()) paragraphs.add(t);
        }
        String section = null; // achievements, problems, plans, other
        List<Para> part = null;
        boolean introSeen = false;
        for (String t : paragraphs) {
            Matcher top = TOP.matcher(t);
            if (top.matches() && t.length() < 60) {
                String h = top.group(2);
                section = h.contains("问题") || h.contains("不足") ? "problems"
                        : h.contains("打算") || h.contains("计划") || h.contains("思路") ? "plans"
                        : h.contains("成效") || h.contains("举措") || h.contains("工作开展") || h.contains("主要工作") ? "achievements"
                        : "other";
                part = null;
                continue;
            }
            if (section == null) {
                if (!introSeen && INTRO.matcher(t).find() && t.length() > 80) {
                    intros.add(para(t, source));
                    introSeen = true;
                }
                continue;
            }
            Matcher sub = SUB.matcher(t);
            switch (section) {
                case "achievements" -> {
                    if (sub.matches()) {
                        part = new ArrayList<>();
                        part.add(para(sub.group(2), source));
                        parts.add(part);
                    } else if (part != null && t.length() > 20) {
                        part.add(para(t, source));
                    }
                }
                case "problems" -> { if (t.length() > 20 && !t.startsWith("扫一扫")) problems.add(para(t, source)); }
                case "plans" -> { if (t.length() > 20 && !t.startsWith("扫一扫")) plans.add(para(t, source)); }
                default -> { }
            }
        }
    }

    private Para para(String text, int source) {
        List<int[]> hits = new ArrayList<>();
        for (String label : programLabels) {
            int i = text.indexOf(label);
            while (i >= 0) {
                int s = i, e = i + label.length();
                boolean overlaps = hits.stream().anyMatch(h -> s < h[1] && e > h[0]);
                if (!overlaps) hits.add(new int[] {s, e});
                i = text.indexOf(label, e);
            }
        }
        hits.sort(Comparator.comparingInt(h -> h[0]));
        return new Para(text, source, hits);
    }

    private void readPrograms() {
        Model m = bundled("programs.ttl");
        Set<String> labels = new java.util.TreeSet<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        m.listStatements(null, SKOS.prefLabel, (RDFNode) null).forEachRemaining(s -> addLabel(labels, s));
        m.listStatements(null, SKOS.altLabel, (RDFNode) null).forEachRemaining(s -> addLabel(labels, s));
        programLabels.addAll(labels); // longest first, so para() prefers the longest label
    }

    private static void addLabel(Set<String> labels, Statement s) {
        if (!s.getObject().isLiteral() || !"zh".equals(s.getLiteral().getLanguage())) return;
        String l = s.getString();
        if (l.length() >= 3 && l.length() <= 12 && !l.contains("法治政府")) labels.add(l);
    }

    private void readRegions() {
        Model m = bundled("regions.ttl");
        Map<String, Resource> byKey = new TreeMap<>();
        m.listSubjectsWithProperty(FZ.level).forEachRemaining(r -> byKey.put(key(r), r));
        Map<String, Region> built = new TreeMap<>();
        for (String k : byKey.keySet()) region(byKey, built, k);
        for (Region r : built.values()) regionsByLevel.computeIfAbsent(r.level, x -> new ArrayList<>()).add(r);
    }

    private static String key(Resource r) {
        String uri = r.getURI();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private Region region(Map<String, Resource> byKey, Map<String, Region> built, String k) {
        Region done = built.get(k);
        if (done != null) return done;
        Resource r = byKey.get(k);
        if (r == null) return null;
        String label = r.getProperty(RDFS.label).getString();
        String level = r.getPropertyResourceValue(FZ.level).getLocalName();
        Resource parent = r.getPropertyResourceValue(FZ.parent);
        Resource province = r.getPropertyResourceValue(FZ.province);
        Region p = parent == null || key(parent).equals(k) ? null : region(byKey, built, key(parent));
        Region pv = province == null || key(province).equals(k) ? null : region(byKey, built, key(province));
        Region out = new Region(k, label, level, p, pv);
        built.put(k, out);
        return out;
    }

    private static Model bundled(String file) {
        String resource = "fazhi/ontology/" + file;
        try (InputStream in = CorpusGenerator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            Model m = ModelFactory.createDefaultModel();
            RDFParser.source(new ByteArrayInputStream(in.readAllBytes())).lang(Lang.TURTLE).parse(m);
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
