package org.w3id.fazhi.recognize;

import java.math.BigDecimal;

/**
 * A number that measures what a government did, handled or has.
 *
 * @param numberText     the number as written, with 万/亿 (e.g. 1.375万, 三)
 * @param value          the number with multipliers applied
 * @param unit           the measure word once multipliers are removed (件, 人次, %, 元 …); empty when none
 * @param what           what is counted, in the report's words
 * @param indicator      the code of the comparable indicator it measures, or null
 * @param number         where the number stands
 * @param quote          the clause that holds the number and what it counts
 */
public record MetricMention(String numberText, BigDecimal value, String unit, Approximation approximation,
                            boolean chineseNumeral, String what, String indicator, Span number, Span quote,
                            SectionKind section) {}
