package org.w3id.fazhi.source;

import org.w3id.fazhi.util.InputLimit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads report files, directories of reports and report web pages into {@link SourceDocument}s: decoded
 * text plus what is known about where it came from. Nothing is cleaned here; that is the next stage's job.
 *
 * <pre>{@code
 * SourceReader reader = SourceReader.builder().maxBytes(32L << 20).build();
 * SourceBatch batch = reader.read(List.of("data/reports", "https://example.gov.cn/art/2024/1/1/art_1.html"));
 * }</pre>
 *
 * A reader is immutable and may be shared between threads.
 */
public final class SourceReader {
    public static final long DEFAULT_MAX_BYTES = InputLimit.DEFAULT_MAX_BYTES;
    public static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofSeconds(20);

    private final SizeLimit limit;
    private final HttpFetcher http;

    private SourceReader(Builder builder) {
        this.limit = new SizeLimit(builder.maxBytes);
        this.http = new HttpFetcher(builder.httpTimeout, limit);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads every input, each a file, a directory (recursively) or an http(s) URL. One bad input never stops
     * the others: it becomes a {@link SourceProblem} in the batch.
     */
    public SourceBatch read(List<String> inputs) {
        SourceListing listing = list(inputs);
        List<SourceDocument> documents = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>(listing.problems());
        for (String location : listing.locations()) {
            try {
                documents.add(readOne(location));
            } catch (SourceException e) {
                problems.add(e.toProblem());
            }
        }
        return new SourceBatch(documents, problems);
    }

    /**
     * The reports the inputs name, without reading them: a directory's report files (sorted), other
     * inputs as given. Loads of thousands of reports read them one at a time from this listing
     * instead of holding every text at once.
     */
    public SourceListing list(List<String> inputs) {
        List<String> locations = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>();
        for (String input : inputs) {
            Optional<Path> directory = HttpFetcher.isUrl(input) ? Optional.empty() : LocalFiles.directory(input);
            if (directory.isEmpty()) {
                locations.add(input);
                continue;
            }
            LocalFiles.Listing listing = LocalFiles.list(directory.get());
            if (listing.reports().isEmpty() && listing.problems().isEmpty()) {
                problems.add(new SourceException(input, "no .txt, .html, .pdf, .docx or .doc reports in directory").toProblem());
            }
            problems.addAll(listing.problems());
            locations.addAll(listing.reports());
        }
        return new SourceListing(locations, problems);
    }

    /**
     * Reads a single file or URL. A web page too short to be a report that links a PDF or Word
     * attachment on its own site ({@link NoticePage}) is read as that attachment: the report is the
     * attachment, under the page's address, with the attachment's own in {@link SourceDocument#ATTACHMENT}.
     */
    public SourceDocument readOne(String input) throws SourceException {
        Objects.requireNonNull(input, "input");
        if (!HttpFetcher.isUrl(input)) return LocalFiles.load(input, limit).decode();
        RawSource raw = http.fetch(input);
        SourceDocument page = raw.decode();
        if (page.kind() != MediaKind.HTML || !NoticePage.tooShortForReport(page.text())) return page;
        List<String> attachments = NoticePage.attachments(raw.decodeText().text(), input);
        return attachments.isEmpty() ? page : readAttachment(input, attachments);
    }

    /** The first attachment that is a PDF or Word document; when none can be read, why the first could not. */
    private SourceDocument readAttachment(String notice, List<String> attachments) throws SourceException {
        SourceException first = null;
        for (String url : attachments) {
            try {
                SourceDocument d = http.fetch(url).decode();
                if (!d.kind().isBinaryDocument()) continue;
                Map<String, String> metadata = new LinkedHashMap<>(d.pageMetadata());
                metadata.put(SourceDocument.ATTACHMENT, url);
                return new SourceDocument(notice, d.fileName(), d.text(), d.charset(), d.kind(), d.sha256(), metadata);
            } catch (SourceException e) {
                if (first == null) first = new SourceException(notice, e.kind(), "attachment " + e.getMessage(), e);
            }
        }
        if (first != null) throw first;
        throw new SourceException(notice, "the notice page links no PDF or Word attachment that could be read ("
                + String.join(", ", attachments) + ")");
    }

    /** Configuration for a {@link SourceReader}; every setting has a default suited to annual reports. */
    public static final class Builder {
        /** Java arrays stop a little short of 2 GiB; a report is far below either. */
        private static final long LARGEST_ARRAY = Integer.MAX_VALUE - 8;

        private long maxBytes = DEFAULT_MAX_BYTES;
        private Duration httpTimeout = DEFAULT_HTTP_TIMEOUT;

        private Builder() {}

        /** Inputs larger than this are refused without being read. Default 8 MiB. */
        public Builder maxBytes(long maxBytes) {
            if (maxBytes < 1 || maxBytes > LARGEST_ARRAY) {
                throw new IllegalArgumentException("maxBytes must be between 1 and " + LARGEST_ARRAY + ": " + maxBytes);
            }
            this.maxBytes = maxBytes;
            return this;
        }

        /** How long to wait for a connection and for a response's headers. Default 20 seconds. */
        public Builder httpTimeout(Duration httpTimeout) {
            Objects.requireNonNull(httpTimeout, "httpTimeout");
            if (httpTimeout.isNegative() || httpTimeout.isZero()) {
                throw new IllegalArgumentException("httpTimeout must be positive: " + httpTimeout);
            }
            this.httpTimeout = httpTimeout;
            return this;
        }

        public SourceReader build() {
            return new SourceReader(this);
        }
    }
}
