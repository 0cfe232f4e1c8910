package org.w3id.fazhi.clean;

import java.util.List;
import java.util.Map;

/**
 * A report with its page furniture taken out. {@code text} is the body every later stage reads and
 * every quote offset refers to; {@code header} keeps the lines that stood before the body (title,
 * date, source, breadcrumbs) because that is where pages print their metadata.
 *
 * @param location     where the report was read from, as the user gave it
 * @param fileName     the source's file name
 * @param sha256       hash of the source bytes, to tell whether a report changed
 * @param header       the non-empty lines before the body, trimmed, in page order
 * @param text         the body, one paragraph a line
 * @param lineStarts   for each body line, its offset in {@code text}
 * @param sourceLines  for each body line, its line number (from 0) in the source text
 * @param pageMetadata what the HTML page declared in its head (title, meta tags); empty for text
 */
public record CleanedDocument(String location, String fileName, String sha256, List<String> header,
                              String text, int[] lineStarts, int[] sourceLines,
                              Map<String, String> pageMetadata) {

    public CleanedDocument {
        header = List.copyOf(header);
        pageMetadata = Map.copyOf(pageMetadata);
        lineStarts = lineStarts.clone();
        sourceLines = sourceLines.clone();
    }

    /** The source line (from 0) that holds the given offset of {@link #text()}. */
    public int sourceLineOf(int offset) {
        int lo = 0, hi = lineStarts.length - 1, found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (lineStarts[mid] <= offset) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
        }
        return lineStarts.length == 0 ? 0 : sourceLines[found];
    }

    public int[] lineStarts() { return lineStarts.clone(); }

    public int[] sourceLines() { return sourceLines.clone(); }
}
