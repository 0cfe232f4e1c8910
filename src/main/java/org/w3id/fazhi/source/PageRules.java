package org.w3id.fazhi.source;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;

/**
 * The straight horizontal and vertical lines a page draws: a table's borders, as office suites
 * export them (stroked lines, or thin filled rectangles), in the coordinates of {@link Glyph}s (from
 * the top left). Curves, larger fills and clipping paths are not rules.
 *
 * <p>The path operators are read in the same pass over the page as its text ({@link #install}), so
 * a page's content is parsed once and its fonts loaded once.
 */
final class PageRules {
    /** A filled rectangle no thicker than this (points) is a rule. */
    private static final float THIN = 3;
    /** A stroked segment off the horizontal or vertical by no more than this (points) is one. */
    private static final float STRAIGHT = 0.5f;

    /**
     * A horizontal ({@code x1 < x2}, {@code y1 == y2}) or vertical ({@code y1 < y2}, {@code x1 == x2}) rule.
     */
    record Rule(float x1, float y1, float x2, float y2) {
        boolean horizontal() {
            return y1 == y2;
        }
    }

    private final PDFStreamEngine engine;
    private float left, top;
    private boolean rotated;
    private final List<Rule> rules = new ArrayList<>();
    /** The segments of the path being built, in device space: x1, y1, x2, y2 each. */
    private final List<float[]> path = new ArrayList<>();
    /** The rectangles of the path being built, as their lower left and upper right corners. */
    private final List<float[]> rectangles = new ArrayList<>();
    private float startX, startY, currentX, currentY;

    private PageRules(PDFStreamEngine engine) {
        this.engine = engine;
    }

    /** Rules collected from what {@code engine} processes, once it is told each page's start. */
    static PageRules install(PDFStreamEngine engine) {
        PageRules rules = new PageRules(engine);
        for (String name : new String[] {"m", "l", "c", "v", "y", "h", "re", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"}) {
            engine.addOperator(new PathOperator(engine, name, rules));
        }
        return rules;
    }

    /** Starts a page: the rules found so far are dropped. A rotated page's glyphs count from another corner, so it has none. */
    void startPage(PDPage page) {
        PDRectangle crop = page.getCropBox();
        left = crop.getLowerLeftX();
        top = crop.getUpperRightY();
        rotated = page.getRotation() % 360 != 0;
        rules.clear();
        path.clear();
        rectangles.clear();
    }

    /** The rules of the page so far. */
    List<Rule> rules() {
        return List.copyOf(rules);
    }

    /** One path operator: its operands, in user space, turned into device space by the current transformation. */
    private static final class PathOperator extends OperatorProcessor {
        private final String name;
        private final PageRules rules;

        PathOperator(PDFStreamEngine context, String name, PageRules rules) {
            super(context);
            this.name = name;
            this.rules = rules;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) {
            float[] n = new float[operands.size()];
            for (int i = 0; i < n.length; i++) {
                if (!(operands.get(i) instanceof COSNumber number)) return; // a damaged operator draws nothing
                n[i] = number.floatValue();
            }
            rules.apply(name, n);
        }
    }

    private void apply(String operator, float[] n) {
        Matrix ctm = engine.getGraphicsState().getCurrentTransformationMatrix();
        switch (operator) {
            case "m" -> {
                if (n.length < 2) return;
                float[] p = device(ctm, n[0], n[1]);
                startX = currentX = p[0];
                startY = currentY = p[1];
            }
            case "l" -> {
                if (n.length < 2) return;
                float[] p = device(ctm, n[0], n[1]);
                path.add(new float[] {currentX, currentY, p[0], p[1]});
                currentX = p[0];
                currentY = p[1];
            }
            case "c", "v", "y" -> {
                if (n.length < 4) return;
                float[] p = device(ctm, n[n.length - 2], n[n.length - 1]);
                currentX = p[0];
                currentY = p[1];
            }
            case "h" -> close();
            case "re" -> {
                if (n.length < 4) return;
                float[][] corners = {device(ctm, n[0], n[1]), device(ctm, n[0] + n[2], n[1]),
                    device(ctm, n[0] + n[2], n[1] + n[3]), device(ctm, n[0], n[1] + n[3])};
                for (int i = 0; i < 4; i++) {
                    float[] a = corners[i], b = corners[(i + 1) % 4];
                    path.add(new float[] {a[0], a[1], b[0], b[1]});
                }
                rectangles.add(new float[] {Math.min(corners[0][0], corners[2][0]), Math.min(corners[0][1], corners[2][1]),
                    Math.max(corners[0][0], corners[2][0]), Math.max(corners[0][1], corners[2][1])});
                startX = currentX = corners[0][0];
                startY = currentY = corners[0][1];
            }
            case "s", "b", "b*" -> {
                close();
                stroke();
            }
            case "S", "B", "B*" -> stroke();
            case "f", "F", "f*" -> fill();
            default -> clear(); // "n": a clipping path, or nothing
        }
    }

    private static float[] device(Matrix ctm, float x, float y) {
        Point2D.Float p = ctm.transformPoint(x, y);
        return new float[] {p.x, p.y};
    }

    private void close() {
        path.add(new float[] {currentX, currentY, startX, startY});
        currentX = startX;
        currentY = startY;
    }

    private void stroke() {
        for (float[] s : path) add(s[0], s[1], s[2], s[3]);
        clear();
    }

    /** Filled, only thin rectangles are rules, drawn along their length. */
    private void fill() {
        for (float[] r : rectangles) {
            float width = r[2] - r[0], height = r[3] - r[1];
            if (height <= THIN && width > height) add(r[0], (r[1] + r[3]) / 2, r[2], (r[1] + r[3]) / 2);
            else if (width <= THIN && height > width) add((r[0] + r[2]) / 2, r[1], (r[0] + r[2]) / 2, r[3]);
        }
        clear();
    }

    private void clear() {
        path.clear();
        rectangles.clear();
    }

    /** A device-space segment as a rule from the top left, when it is straight. */
    private void add(float x1, float y1, float x2, float y2) {
        if (rotated) return;
        float ax = x1 - left, bx = x2 - left, ay = top - y1, by = top - y2;
        if (Math.abs(ay - by) <= STRAIGHT && Math.abs(ax - bx) > STRAIGHT) {
            float y = (ay + by) / 2;
            rules.add(new Rule(Math.min(ax, bx), y, Math.max(ax, bx), y));
        } else if (Math.abs(ax - bx) <= STRAIGHT && Math.abs(ay - by) > STRAIGHT) {
            float x = (ax + bx) / 2;
            rules.add(new Rule(x, Math.min(ay, by), x, Math.max(ay, by)));
        }
    }
}
