package org.w3id.fazhi.store;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

/**
 * The Lucene analyzers compared for the Chinese text index (numbers in docs/text-search.md).
 * CJK bigrams are the default: with phrase queries they find every occurrence of a term, where
 * word segmentation misses terms it cuts differently in context.
 */
public enum TextAnalyzer {
    /** Overlapping character bigrams: no dictionary, so no term is ever cut the wrong way. */
    CJK,
    /** Dictionary word segmentation (HMM): fewer index terms, but context-dependent cuts. */
    SMARTCN;

    public static final TextAnalyzer DEFAULT = CJK;

    public Analyzer create() {
        return switch (this) {
            case CJK -> new CJKAnalyzer();
            case SMARTCN -> new SmartChineseAnalyzer();
        };
    }
}
