package dev.newsfeed.post;

import dev.newsfeed.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the previous page ended: its last post's time (or rank, for searches) and id. Opaque to clients:
 * base64url of "t|instant|id" or "r|rank|id".
 */
public record Cursor(Instant publishedAt, Float rank, UUID id) {

    public String encode() {
        String raw = rank != null ? "r|" + rank + "|" + id : "t|" + (publishedAt == null ? "" : publishedAt) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException();
            }
            UUID id = UUID.fromString(parts[2]);
            return switch (parts[0]) {
                case "t" -> new Cursor(parts[1].isEmpty() ? null : Instant.parse(parts[1]), null, id);
                case "r" -> new Cursor(null, Float.parseFloat(parts[1]), id);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("The cursor is not one this API issued. Start again without it.");
        }
    }
}
