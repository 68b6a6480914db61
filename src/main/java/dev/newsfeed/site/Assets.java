package dev.newsfeed.site;

import dev.newsfeed.hash.Sha256;
import io.quarkus.qute.TemplateGlobal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The stylesheet's address, named by its content: Quarkus serves static files as immutable for a day, so a
 * release that changes the stylesheet must change its address too, or browsers keep yesterday's.
 */
@TemplateGlobal
public final class Assets {

    public static final String stylesheet = "/site.css?v=" + version("META-INF/resources/site.css");

    private Assets() {
    }

    private static String version(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return Sha256.hex(in.readAllBytes()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
