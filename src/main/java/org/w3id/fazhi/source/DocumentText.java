package org.w3id.fazhi.source;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A published PDF or Word document as text: its paragraphs in reading order, one a line, and the
 * properties the file itself carries. The properties are weak evidence (a template's title, the
 * day someone opened a new file), so they travel apart from the text and the recogniser uses them
 * only where the text says nothing.
 *
 * @param paragraphs the body, headers, footers and page numbers taken out
 * @param properties {@link #TITLE} and {@link #CREATED} (yyyy-mm-dd) when the file has them
 */
record DocumentText(List<String> paragraphs, Map<String, String> properties) {
    /** Keys under which the properties reach {@link SourceDocument#pageMetadata()}. */
    static final String TITLE = "document-title";
    static final String CREATED = "document-created";

    /** Creation dates are read on the calendar of the offices that write these reports. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    DocumentText {
        paragraphs = List.copyOf(paragraphs);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    String text() {
        return String.join("\n", paragraphs);
    }

    /** The properties map for a title and a creation time, either possibly missing. */
    static Map<String, String> properties(String title, Date created) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (title != null && !title.isBlank()) properties.put(TITLE, title.strip());
        if (created != null) properties.put(CREATED, LocalDate.ofInstant(created.toInstant(), CHINA).toString());
        return properties;
    }
}
