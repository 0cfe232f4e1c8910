package org.w3id.fazhi.util;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as the project uses it: the hash of a source's bytes tells whether a report changed, the
 * hash of a vocabulary's files whether it must be loaded again, and a short hash names things that
 * have no code of their own.
 */
public final class ContentHash {

    private ContentHash() {}

    /** Hex SHA-256 of the bytes. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** Hex SHA-256 of the parts, one after the other, as if they were one array. */
    public static String sha256(Iterable<byte[]> parts) {
        MessageDigest d = digest();
        for (byte[] p : parts) d.update(p);
        return HexFormat.of().formatHex(d.digest());
    }

    /** The first eight hex digits of the SHA-256 of a string's UTF-8: short, stable, readable in a name. */
    public static String shortHash(String s) {
        return HexFormat.of().formatHex(digest().digest(s.getBytes(StandardCharsets.UTF_8)), 0, 4);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
