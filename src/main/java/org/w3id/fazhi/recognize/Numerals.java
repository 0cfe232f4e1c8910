package org.w3id.fazhi.recognize;

import java.math.BigDecimal;

/** Reads numbers as reports write them: 52, 99.6, 三, 二十五, 一千二百, with 万 and 亿 applied. */
public final class Numerals {

    private static final String DIGITS = "零〇一二两三四五六七八九";

    private Numerals() {}

    /** The value of an Arabic or Chinese number, without multiplier; null when it is neither. */
    public static BigDecimal parse(String number) {
        if (number.isEmpty()) return null;
        if (Character.isDigit(number.charAt(0))) {
            try {
                return new BigDecimal(number);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return parseChinese(number);
    }

    /** The multiplier a 万/亿 suffix stands for; 1 for none. */
    public static BigDecimal multiplier(String suffix) {
        return switch (suffix) {
            case "万" -> BigDecimal.valueOf(10_000);
            case "亿" -> BigDecimal.valueOf(100_000_000);
            case "千万" -> BigDecimal.valueOf(10_000_000);
            case "百万" -> BigDecimal.valueOf(1_000_000);
            case "千" -> BigDecimal.valueOf(1_000);
            default -> BigDecimal.ONE;
        };
    }

    public static boolean isChineseDigit(char c) {
        return DIGITS.indexOf(c) >= 0 || c == '十' || c == '百' || c == '千';
    }

    private static BigDecimal parseChinese(String s) {
        boolean positional = s.chars().noneMatch(c -> c == '十' || c == '百' || c == '千');
        if (positional) {
            // 二〇二三 or a single digit: read digit by digit.
            long v = 0;
            for (char c : s.toCharArray()) {
                int d = digit(c);
                if (d < 0) return null;
                v = v * 10 + d;
            }
            return BigDecimal.valueOf(v);
        }
        long total = 0;
        int digit = -1;
        for (char c : s.toCharArray()) {
            int d = digit(c);
            if (d >= 0) {
                digit = d;
                continue;
            }
            int unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                default -> -1;
            };
            if (unit < 0) return null;
            // 十五 means 15: a unit with no digit before it counts once.
            total += (long) (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }
        if (digit > 0) total += digit;
        return BigDecimal.valueOf(total);
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }
}
