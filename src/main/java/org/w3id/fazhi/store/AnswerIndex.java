package org.w3id.fazhi.store;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Lucene index that holds the answer tables ({@code DIR/answers}): one document per row, with
 * the table and key it answers, the report graph it came from, its place in the query's order
 * ({@link SortKeys}, a sorted doc value), the row itself ({@link RowCodec}), and for the keyword
 * tables the sentence, analysed into CJK bigrams like the text index.
 *
 * <p>A row is a stored field, which Lucene compresses in blocks, unless it is larger than
 * {@link #LARGE_ROW} bytes: then it is a binary doc value, which Lucene keeps as it is. Large rows
 * are those that list every region practising a program or every problem sentence of a theme;
 * they grow with the corpus, and decompressing them was the larger part of reading their page.
 * They are few, so the store hardly grows; the many small rows keep their compression.
 *
 * <p>Its commits follow the store's write transactions: {@link #prepare} before TDB2 commits,
 * {@link #commit} after, each carrying a token that the same transaction writes into the
 * metadata graph; a store whose token differs from the index's last commit (a process stopped
 * between the two) has its answers rebuilt. Readers get the index as it was committed for the
 * TDB2 data version their read transaction sees ({@link #acquire}), so an answer never mixes two
 * loads; a snapshot without its own index (a write made outside the loads) answers by scanning.
 */
final class AnswerIndex implements AutoCloseable {

    static final String TABLE_KEY = "tk", GRAPH = "g", TABLE = "t", SORT = "s", ROW = "r", LARGE = "rl", TEXT = "x", DISTINCT = "d", EXTRA = "e";
    /** Rows longer than this many bytes are kept uncompressed ({@link #LARGE}). */
    static final int LARGE_ROW = 2048;
    static final String TOKEN = "token", FINGERPRINT = "fingerprint";
    /** Readers of this many data versions are kept; a reader of an older snapshot scans. */
    private static final int VERSIONS_KEPT = 4;

    private final Path folder;
    private final Directory directory;
    private IndexWriter writer;
    private final Map<Long, DirectoryReader> readers = new LinkedHashMap<>();

    AnswerIndex(Path folder) {
        this.folder = folder;
        try {
            this.directory = FSDirectory.open(folder);
            IndexWriter w;
            try {
                w = newWriter();
            } catch (IllegalArgumentException | org.apache.lucene.index.IndexFormatTooOldException e) {
                // An index laid out by an earlier version (another sort): the answers are made from
                // the store, so it is emptied and the next load makes them again.
                for (String f : directory.listAll()) directory.deleteFile(f);
                w = newWriter();
            }
            this.writer = w;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the answers index in " + folder, e);
        }
    }

    private IndexWriter newWriter() throws IOException {
        Analyzer text = TextAnalyzer.DEFAULT.create();
        Analyzer perField = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(TEXT, text));
        IndexWriterConfig config = new IndexWriterConfig(perField);
        // The rows of a key lie together and in order in every segment: a page reads a few blocks of
        // stored rows, one after the other, and the search stops at the page's last row.
        config.setIndexSort(new org.apache.lucene.search.Sort(new org.apache.lucene.search.SortField(SORT, org.apache.lucene.search.SortField.Type.STRING)));
        // Rows are read a page at a time and decoded rarely: the smaller form pays.
        config.setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_SPEED));
        config.setRAMBufferSizeMB(ramBufferMb());
        config.setCommitOnClose(false);
        return new IndexWriter(directory, config);
    }

    /** A sixteenth of the heap, between 4 and 32 MB: a bulk load's rows wait in it. */
    static double ramBufferMb() {
        return Math.max(4, Math.min(32, (Runtime.getRuntime().maxMemory() >> 20) / 16.0));
    }

    Path folder() { return folder; }

    /** Adds one row. */
    void add(String table, String key, String graph, byte[] sortKey, byte[] row, String text, List<String> distinct,
             byte[] extra) {
        Document d = new Document();
        d.add(new StringField(TABLE_KEY, table + '\u0000' + key, Field.Store.NO));
        d.add(new StringField(TABLE, table, Field.Store.NO));
        if (graph != null) d.add(new StringField(GRAPH, graph, Field.Store.NO));
        d.add(new SortedDocValuesField(SORT, new BytesRef(sortKey(table, key, sortKey))));
        if (row != null && row.length > LARGE_ROW) d.add(new BinaryDocValuesField(LARGE, new BytesRef(row)));
        else if (row != null) d.add(new StoredField(ROW, row));
        if (extra != null) d.add(new StoredField(EXTRA, extra));
        if (text != null) d.add(new TextField(TEXT, text, Field.Store.NO));
        if (distinct != null) for (String v : distinct) d.add(new SortedSetDocValuesField(DISTINCT, new BytesRef(v)));
        try {
            writer.addDocument(d);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the answers index in " + folder, e);
        }
    }

    /**
     * Reads rows back by document number, from the stored field or the doc value, whichever the
     * row went into. One per search; not for several threads.
     */
    static final class Rows {
        private final StoredFields stored;
        private final List<LeafReaderContext> leaves;
        private final BinaryDocValues[] large;

        Rows(IndexSearcher searcher) throws IOException {
            this.stored = searcher.storedFields();
            this.leaves = searcher.getIndexReader().leaves();
            this.large = new BinaryDocValues[leaves.size()];
        }

        /** The row's bytes, valid until the next call. */
        BytesRef row(int doc) throws IOException {
            int i = ReaderUtil.subIndex(doc, leaves);
            LeafReaderContext leaf = leaves.get(i);
            int target = doc - leaf.docBase;
            BinaryDocValues values = large[i];
            // Doc values only move forward: a page's rows come from several keys, merged.
            if (values == null || values.docID() >= target) values = large[i] = DocValues.getBinary(leaf.reader(), LARGE);
            if (values.advanceExact(target)) return values.binaryValue();
            BytesRef row = stored.document(doc, Set.of(ROW)).getBinaryValue(ROW);
            if (row == null) throw new IllegalStateException("answer row " + doc + " has no value");
            return row;
        }
    }

    /** The table and key first, then the row's place: a key's rows sort together. */
    static byte[] sortKey(String table, String key, byte[] order) {
        byte[] prefix = prefix(table, key);
        byte[] out = java.util.Arrays.copyOf(prefix, prefix.length + order.length);
        System.arraycopy(order, 0, out, prefix.length, order.length);
        return out;
    }

    static byte[] prefix(String table, String key) {
        return (table + '\u0000' + key + '\u0000').getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Removes every row a report graph gave, in every table. */
    void deleteGraph(String graph) {
        delete(new TermQuery(new Term(GRAPH, graph)));
    }

    /** Removes the rows a report graph gave in one table. */
    void deleteGraph(String table, String graph) {
        delete(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TABLE, table)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(GRAPH, graph)), BooleanClause.Occur.FILTER).build());
    }

    /** Removes the rows of one key of a table. */
    void deleteKey(String table, String key) {
        delete(new TermQuery(new Term(TABLE_KEY, table + '\u0000' + key)));
    }

    void deleteTable(String table) {
        delete(new TermQuery(new Term(TABLE, table)));
    }

    void deleteAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the answers index in " + folder, e);
        }
    }

    private void delete(Query q) {
        try {
            writer.deleteDocuments(q);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the answers index in " + folder, e);
        }
    }

    /** Writes the rows added so far into segments, without committing them (a rollback still drops them). */
    void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the answers index in " + folder, e);
        }
    }

    /** The first phase of a commit, with the token the metadata graph records in the same transaction. */
    void prepare(String token, String fingerprint) {
        try {
            writer.setLiveCommitData(Map.of(TOKEN, token, FINGERPRINT, fingerprint).entrySet());
            writer.prepareCommit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the answers index in " + folder, e);
        }
    }

    void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the answers index in " + folder, e);
        }
    }

    /** Drops what was written since the last commit. */
    void rollback() {
        try {
            writer.rollback();
            writer = newWriter();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot undo the answers index in " + folder, e);
        }
    }

    /** What the last commit recorded: its token and fingerprint (empty for an index never committed). */
    Map<String, String> committed() {
        try {
            if (!DirectoryReader.indexExists(directory)) return Map.of();
            try (DirectoryReader r = DirectoryReader.open(directory)) {
                return new HashMap<>(r.getIndexCommit().getUserData());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answers index in " + folder, e);
        }
    }

    /** Makes the last commit the index readers of TDB2 data version {@code version} read. */
    synchronized void publish(long version) {
        try {
            DirectoryReader r = DirectoryReader.open(directory);
            DirectoryReader old = readers.put(version, r);
            if (old != null) old.decRef();
            while (readers.size() > VERSIONS_KEPT) {
                Iterator<Map.Entry<Long, DirectoryReader>> it = readers.entrySet().iterator();
                it.next().getValue().decRef();
                it.remove();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answers index in " + folder, e);
        }
    }

    /** No snapshot is answered from the index until the next {@link #publish}. */
    synchronized void unpublish() {
        readers.values().forEach(this::decRef);
        readers.clear();
    }

    /** The index for a data version, referenced (give it back with {@link #release}); null when there is none. */
    synchronized DirectoryReader acquire(long version) {
        DirectoryReader r = readers.get(version);
        if (r == null) return null;
        r.incRef();
        return r;
    }

    void release(DirectoryReader r) {
        decRef(r);
    }

    private void decRef(DirectoryReader r) {
        try {
            r.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        unpublish();
        try {
            writer.rollback();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the answers index in " + folder, e);
        }
    }
}
