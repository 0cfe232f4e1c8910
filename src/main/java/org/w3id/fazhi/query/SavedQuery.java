package org.w3id.fazhi.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One saved SPARQL query: the file {@code queries/NAME.rq} with its header parsed.
 *
 * <p>The header is the run of {@code #} comment lines at the top of the file, one field a line:
 * <pre>
 * # title: 实践某项制度的地区 | Regions that practise a program
 * # description: Which regions practise a given program, with the sentence that says so.
 * # param: program = 枫桥经验  (the program's Chinese label, matched against prefLabel/altLabel)
 * # param: min_regions:integer = 2  (how many regions at least)
 * # columns: region, year, status, quote
 * # view: table
 * </pre>
 * <ul>
 *   <li>{@code title}: Chinese title, {@code |}, English title (one of them may be missing);</li>
 *   <li>{@code description}: the question the query answers; may be repeated to continue it;</li>
 *   <li>{@code param}: {@code NAME[:TYPE] = DEFAULT (DOC)}, TYPE one of {@code string} (the default),
 *       {@code integer}, {@code decimal}. The query uses the parameter as the variable {@code ?NAME},
 *       which is replaced by a typed literal before the query runs (see {@link QueryRunner});</li>
 *   <li>{@code columns}: the result columns, comma-separated, in order;</li>
 *   <li>{@code view}: how the result is best shown: {@code table}, {@code bar}, {@code line} or {@code network}.</li>
 * </ul>
 * Other {@code #} lines in the header are kept as notes and ignored.
 *
 * @param name   the file name without {@code .rq}
 * @param sparql the whole file text, header included (a comment to SPARQL)
 */
public record SavedQuery(String name, String titleZh, String titleEn, String description, List<Param> params,
                         List<String> columns, View view, String sparql) {

    /** How a result is best shown. */
    public enum View {
        TABLE, BAR, LINE, NETWORK;

        public String id() { return name().toLowerCase(Locale.ROOT); }

        static View parse(String s) {
            for (View v : values()) if (v.id().equals(s.strip().toLowerCase(Locale.ROOT))) return v;
            throw new IllegalArgumentException("unknown view '" + s.strip() + "' (table, bar, line, network)");
        }
    }

    /** The datatype a parameter's value is bound as. */
    public enum ParamType {
        STRING, INTEGER, DECIMAL;

        public String id() { return name().toLowerCase(Locale.ROOT); }

        static ParamType parse(String s) {
            for (ParamType t : values()) if (t.id().equals(s.strip().toLowerCase(Locale.ROOT))) return t;
            throw new IllegalArgumentException("unknown parameter type '" + s.strip() + "' (string, integer, decimal)");
        }
    }

    /** A parameter: the variable {@code ?name} in the query, its type, default and what it means. */
    public record Param(String name, ParamType type, String defaultValue, String doc) {}

    public SavedQuery {
        params = List.copyOf(params);
        columns = List.copyOf(columns);
    }

    /** The title for people: Chinese and English when both are there. */
    public String title() {
        if (titleZh.isEmpty()) return titleEn;
        if (titleEn.isEmpty()) return titleZh;
        return titleZh + " | " + titleEn;
    }

    public Optional<Param> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }

    /** The parameter names, in header order. */
    public List<String> paramNames() {
        return params.stream().map(Param::name).toList();
    }

    /** Every parameter's default, overridden by {@code values}; an unknown name is an error that lists the valid ones. */
    public Map<String, String> resolve(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Param p : params) out.put(p.name(), p.defaultValue());
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!out.containsKey(e.getKey())) {
                throw new QueryException("query '" + name + "' has no parameter '" + e.getKey() + "'; "
                        + (params.isEmpty() ? "it takes none" : "valid: " + String.join(", ", paramNames())));
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private static final Pattern FIELD = Pattern.compile("^#\\s*([A-Za-z]+)\\s*:\\s?(.*)$");
    private static final Pattern PARAM = Pattern.compile(
            "^([A-Za-z_][A-Za-z0-9_]*)\\s*(?::\\s*([A-Za-z]+))?\\s*=\\s*(.*?)\\s*(?:\\((.*)\\))?\\s*$");

    /** Parses a query file's text; {@code name} is the file name without {@code .rq}. */
    public static SavedQuery parse(String name, String text) {
        String titleZh = "", titleEn = "";
        StringBuilder description = new StringBuilder();
        List<Param> params = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        View view = View.TABLE;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            if (!line.startsWith("#")) break;
            Matcher m = FIELD.matcher(line);
            if (!m.matches()) continue;
            String key = m.group(1).toLowerCase(Locale.ROOT), value = m.group(2).strip();
            try {
                switch (key) {
                    case "title" -> {
                        int bar = value.indexOf('|');
                        titleZh = (bar < 0 ? value : value.substring(0, bar)).strip();
                        titleEn = bar < 0 ? "" : value.substring(bar + 1).strip();
                        if (bar < 0 && titleZh.codePoints().noneMatch(SavedQuery::isHan)) {
                            titleEn = titleZh;
                            titleZh = "";
                        }
                    }
                    case "description" -> description.append(description.length() == 0 ? "" : " ").append(value);
                    case "param" -> {
                        Matcher p = PARAM.matcher(value);
                        if (!p.matches()) throw new IllegalArgumentException("bad param line '" + value
                                + "' (NAME[:TYPE] = DEFAULT (DOC))");
                        ParamType type = p.group(2) == null ? ParamType.STRING : ParamType.parse(p.group(2));
                        String def = p.group(3);
                        checkValue(type, def);
                        params.add(new Param(p.group(1), type, def, p.group(4) == null ? "" : p.group(4).strip()));
                    }
                    case "columns" -> {
                        for (String c : value.split(",")) if (!c.isBlank()) columns.add(c.strip());
                    }
                    case "view" -> view = View.parse(value.replaceAll("\\s*\\(.*$", ""));
                    default -> { }
                }
            } catch (IllegalArgumentException e) {
                throw new QueryException("queries/" + name + ".rq: " + e.getMessage(), e);
            }
        }
        return new SavedQuery(name, titleZh, titleEn, description.toString(), params, columns, view, text);
    }

    /** Throws when {@code value} is not a lexical form of {@code type}. */
    static void checkValue(ParamType type, String value) {
        switch (type) {
            case INTEGER -> {
                if (!value.strip().matches("[+-]?\\d{1,18}")) throw new IllegalArgumentException("'" + value + "' is not an integer");
            }
            case DECIMAL -> {
                if (!value.strip().matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) throw new IllegalArgumentException("'" + value + "' is not a decimal");
            }
            case STRING -> { }
        }
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
