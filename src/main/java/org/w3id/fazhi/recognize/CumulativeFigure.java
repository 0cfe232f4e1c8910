package org.w3id.fazhi.recognize;

import java.util.regex.Pattern;

/**
 * Whether a figure adds up more than the year the report covers: 累计办理…, 自2018年以来…,
 * 近三年…, 历年…. Such a figure is true, but it is not that year's, so it must not stand in a
 * series of yearly observations.
 */
public final class CumulativeFigure {

    private static final Pattern SPAN_WORDS = Pattern.compile(
            "累计|历年|以来|迄今|至今|近[一二两三四五六七八九十\\d]{1,2}年|[一二两三四五六七八九十\\d]{1,2}年来|多年来|五年来|十年来");

    private CumulativeFigure() {}

    /** True when the clause before the number, within the fact's quote, says the figure spans years. */
    public static boolean isCumulative(String text, MetricMention fact) {
        int from = fact.quote().start(), to = fact.number().start();
        if (to <= from) return false;
        return SPAN_WORDS.matcher(text).region(from, to).find();
    }
}
