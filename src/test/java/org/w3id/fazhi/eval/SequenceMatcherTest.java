package org.w3id.fazhi.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SequenceMatcherTest {

    /**
     * Expected blocks came from CPython 3.11's difflib:
     * {@code [tuple(m) for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()]}.
     */
    static Stream<Arguments> cpython() {
        return Stream.of(
                arguments("", "", "[(0, 0, 0)]"),
                arguments("abc", "", "[(3, 0, 0)]"),
                arguments("", "abc", "[(0, 3, 0)]"),
                arguments("abc", "abc", "[(0, 0, 3), (3, 3, 0)]"),
                arguments("aaaa", "aa", "[(0, 0, 2), (4, 2, 0)]"),
                arguments("abab", "baba", "[(0, 1, 3), (4, 4, 0)]"),
                arguments("abxcd", "abcd", "[(0, 0, 2), (3, 2, 2), (5, 4, 0)]"),
                arguments("qabxcd", "abycdf", "[(1, 0, 2), (4, 3, 2), (6, 6, 0)]"),
                arguments("全年共收到行政复议申请233件", "收到行政复议申请233件，办结", "[(3, 0, 12), (15, 15, 0)]"),
                arguments("收到行政复议案件52件", "全年收到行政复议案件52件，同比增长5%", "[(0, 2, 11), (11, 20, 0)]"),
                arguments("调解成功率99.6%", "成功率为99.6%", "[(2, 0, 3), (5, 4, 5), (10, 9, 0)]"),
                arguments("1010101", "0101", "[(1, 0, 4), (7, 4, 0)]"),
                arguments("件件件件件", "件件", "[(0, 0, 2), (5, 2, 0)]"),
                arguments("a\uD83D\uDE00b\uD83D\uDE00c", "\uD83D\uDE00c\uD83D\uDE00a", "[(3, 0, 2), (5, 4, 0)]"), // 😀 is one character
                arguments("private Thread currentThread;", "private volatile Thread currentThread;",
                        "[(0, 0, 6), (6, 15, 23), (29, 38, 0)]"),
                arguments("xyzabcabcxyz", "abcxyzabc", "[(0, 3, 6), (12, 9, 0)]"));
    }

    @ParameterizedTest
    @MethodSource("cpython")
    void matchingBlocksAsInCPython(String a, String b, String expected) {
        List<String> got = new ArrayList<>();
        for (SequenceMatcher.Match m : new SequenceMatcher(a, b).getMatchingBlocks()) {
            got.add("(" + m.a() + ", " + m.b() + ", " + m.size() + ")");
        }
        assertEquals(expected, got.toString());
    }
}
