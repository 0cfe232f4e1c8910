package org.w3id.fazhi.recognize;

/** How a number is qualified in the text. */
public enum Approximation {
    EXACT("exact"), OVER("over"), ABOUT("about"), UNDER("under");

    private final String notation;

    Approximation(String notation) { this.notation = notation; }

    public String notation() { return notation; }
}
