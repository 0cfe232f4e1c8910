package org.w3id.fazhi.query;

import org.apache.jena.query.Dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The five development reports and the bundled vocabularies in one in-memory dataset, built once
 * per test JVM; and the report texts, which the expected rows of the saved queries are read from.
 */
public final class TestStore {

    private TestStore() {}

    /** Report file → the region's full name (fz:fullName in ontology/regions.ttl), as data/README.md describes the files. */
    public static final Map<String, String> REGION = new LinkedHashMap<>();
    static {
        REGION.put("shanwei-chengqu-2023.txt", "广东省汕尾市城区");
        REGION.put("dalian-jinpu-new-area-2023.txt", "辽宁省大连市金普新区");
        REGION.put("nanchang-county-2023.txt", "江西省南昌市南昌县");
        REGION.put("gaotai-county-2020.txt", "甘肃省张掖市高台县");
        REGION.put("xiangyang-high-tech-zone-2023.txt", "湖北省襄阳市高新技术产业开发区");
    }

    public static final String SHANWEI = "广东省汕尾市城区", JINPU = "辽宁省大连市金普新区", NANCHANG = "江西省南昌市南昌县",
            GAOTAI = "甘肃省张掖市高台县", XIANGYANG = "湖北省襄阳市高新技术产业开发区";

    private static Dataset dataset;

    public static synchronized Dataset dataset() {
        if (dataset == null) dataset = QueryDatasets.fromReports(List.of("data/reports"));
        return dataset;
    }

    public static QueryRunner runner() { return QueryRunner.builder().dataset(dataset()).build(); }

    public static SavedQueries queries() { return SavedQueries.fromDirectory(Path.of("queries")); }

    /** The raw text of a report file, whitespace taken out (quotes are compared the same way). */
    public static String text(String file) {
        try {
            return squeeze(Files.readString(Path.of("data/reports", file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String textOfRegion(String region) {
        for (Map.Entry<String, String> e : REGION.entrySet()) if (e.getValue().equals(region)) return text(e.getKey());
        throw new IllegalArgumentException(region);
    }

    public static String squeeze(String s) { return s.replaceAll("\\s+", ""); }

    /** The regions whose report text contains {@code word}. */
    public static Set<String> regionsMentioning(String word) {
        Set<String> out = new TreeSet<>();
        for (Map.Entry<String, String> e : REGION.entrySet()) if (text(e.getKey()).contains(word)) out.add(e.getValue());
        return out;
    }
}
