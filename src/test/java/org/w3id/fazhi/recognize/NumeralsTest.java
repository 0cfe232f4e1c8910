package org.w3id.fazhi.recognize;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NumeralsTest {

    @Test
    void arabicNumbersAndDecimals() {
        assertEquals(new BigDecimal("52"), Numerals.parse("52"));
        assertEquals(new BigDecimal("99.6"), Numerals.parse("99.6"));
    }

    @Test
    void chineseNumerals() {
        assertEquals(BigDecimal.valueOf(3), Numerals.parse("三"));
        assertEquals(BigDecimal.valueOf(2), Numerals.parse("两"));
        assertEquals(BigDecimal.valueOf(15), Numerals.parse("十五"));
        assertEquals(BigDecimal.valueOf(25), Numerals.parse("二十五"));
        assertEquals(BigDecimal.valueOf(1200), Numerals.parse("一千二百"));
        assertEquals(BigDecimal.valueOf(105), Numerals.parse("一百零五"));
        assertEquals(BigDecimal.valueOf(2023), Numerals.parse("二〇二三"));
        assertEquals(BigDecimal.ZERO, Numerals.parse("零"));
    }

    @Test
    void multipliers() {
        assertEquals(BigDecimal.valueOf(10_000), Numerals.multiplier("万"));
        assertEquals(BigDecimal.valueOf(100_000_000), Numerals.multiplier("亿"));
        assertEquals(BigDecimal.ONE, Numerals.multiplier(""));
    }

    @Test
    void notANumber() {
        assertNull(Numerals.parse("abc"));
        assertNull(Numerals.parse(""));
    }
}
