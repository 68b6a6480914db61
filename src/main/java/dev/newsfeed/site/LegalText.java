package dev.newsfeed.site;

import dev.newsfeed.web.SafeText;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.TemplateNode;
import io.quarkus.qute.Variant;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Every value an HTML template prints is made legal (characters HTML forbids, such as C0 controls, removed) and
 * escaped, in one place: a post holding {@code <script>} or a NUL shows as text, whichever template prints it.
 * It takes the place of Qute's own HTML escaper, which escapes but leaves illegal characters in.
 */
@Singleton
class LegalText implements ResultMapper {

    void register(@Observes EngineBuilder builder) {
        builder.addResultMapper(this);
    }

    @Override
    public int getPriority() {
        // Above Qute's HtmlEscaper, so this one is chosen for HTML templates.
        return 100;
    }

    @Override
    public boolean appliesTo(TemplateNode.Origin origin, Object result) {
        if (result instanceof RawString) {
            return false;
        }
        return origin.getVariant().map(v -> Variant.TEXT_HTML.equals(v.getContentType())).orElse(false);
    }

    @Override
    public String map(Object result, io.quarkus.qute.Expression expression) {
        return SafeText.escapeHtml(SafeText.legal(result.toString()));
    }
}
