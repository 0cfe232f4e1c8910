package org.w3id.fazhi.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feeds the pipeline a few thousand mutated reports (bytes flipped, cut short, spliced, encodings
 * mixed, markup and control characters injected; seeded, so a failure repeats): every one must come
 * out as Extracted or Failed, never as an exception out of the pipeline, and the whole run must end
 * (an overall time-out).
 */
class ExtractorFuzzTest {

    static final long SEED = 20240613L;
    static final int MUTANTS = 2000;

    private static final String[] INJECTIONS = {
        "<script>alert(1)</script>", "<html><body><p>", "</p></div></table>", "<!--", "]]>", "<![CDATA[",
        "\u0000", "\uFEFF", "\u202E", "\uD800", "&#x0;", "&amp;&lt;&#99999999;", "一、", "（二）", "第十三条",
        "2023年", "１２３４５６７８９０", "%", "万元", "\r\n\r\n", "\t\t\t", "ｘｘ县人民政府", "\"}]}", "@prefix : <x> .",
    };

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedReportsAreExtractedOrFailedNeverThrown(@TempDir Path dir) throws Exception {
        List<byte[]> originals = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("data/reports"))) {
            for (Path p : s.sorted().toList()) originals.add(Files.readAllBytes(p));
        }
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < MUTANTS; i++) {
            byte[] b = mutate(originals.get(random.nextInt(originals.size())), originals, random);
            Path f = dir.resolve(String.format("m%05d%s", i, random.nextInt(4) == 0 ? ".html" : ".txt"));
            Files.write(f, b);
            inputs.add(f.toString());
        }
        int extracted = 0, failed = 0;
        long t0 = System.nanoTime();
        try (ExtractionPipeline.Run run = ExtractionPipeline.builder().build().run(inputs)) {
            while (run.hasNext()) {
                ExtractionResult r = run.next();
                if (r instanceof ExtractionResult.Extracted) extracted++;
                else if (r instanceof ExtractionResult.Failed) failed++;
                else throw new AssertionError("unexpected " + r);
            }
        }
        System.out.printf("fuzz: %d extracted, %d failed in %.1f s (seed %d)%n", extracted, failed, (System.nanoTime() - t0) / 1e9, SEED);
        assertEquals(MUTANTS, extracted + failed);
        assertTrue(extracted > 0);
    }

    static byte[] mutate(byte[] original, List<byte[]> all, SplittableRandom random) {
        // Shorter inputs keep the run fast; the cut is a mutation too.
        int len = Math.min(original.length, 4000 + random.nextInt(20000));
        byte[] b = java.util.Arrays.copyOf(original, len);
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            switch (random.nextInt(6)) {
                case 0 -> { // flip bytes
                    int n = 1 + random.nextInt(50);
                    for (int i = 0; i < n && b.length > 0; i++) b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
                case 1 -> b = java.util.Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length)); // cut
                case 2 -> { // re-encode part of it in another charset
                    String text = new String(b, StandardCharsets.UTF_8);
                    int at = text.isEmpty() ? 0 : random.nextInt(text.length());
                    Charset cs = switch (random.nextInt(3)) {
                        case 0 -> Charset.forName("GB18030");
                        case 1 -> StandardCharsets.UTF_16LE;
                        default -> Charset.forName("Big5");
                    };
                    b = concat(text.substring(0, at).getBytes(StandardCharsets.UTF_8), text.substring(at).getBytes(cs));
                }
                case 3 -> { // inject markup or control characters
                    String text = new String(b, StandardCharsets.UTF_8);
                    int at = text.isEmpty() ? 0 : random.nextInt(text.length());
                    b = (text.substring(0, at) + INJECTIONS[random.nextInt(INJECTIONS.length)].repeat(1 + random.nextInt(30))
                            + text.substring(at)).getBytes(StandardCharsets.UTF_8);
                }
                case 4 -> { // splice with another report
                    byte[] other = all.get(random.nextInt(all.size()));
                    int from = random.nextInt(other.length);
                    b = concat(b, java.util.Arrays.copyOfRange(other, from, Math.min(other.length, from + random.nextInt(8000))));
                }
                default -> { // random bytes
                    byte[] junk = new byte[random.nextInt(2000)];
                    for (int i = 0; i < junk.length; i++) junk[i] = (byte) random.nextInt(256);
                    int at = b.length == 0 ? 0 : random.nextInt(b.length);
                    b = concat(concat(java.util.Arrays.copyOf(b, at), junk), java.util.Arrays.copyOfRange(b, at, b.length));
                }
            }
        }
        return b;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
