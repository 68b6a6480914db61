package dev.newsfeed.site;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The pages' templates, under templates/site/, checked against these parameters when the service is built. */
@CheckedTemplate(basePath = "site")
final class Templates {

    private Templates() {
    }

    static native TemplateInstance home(Head head, HomeView home);

    static native TemplateInstance listing(Head head, ListingView listing);

    static native TemplateInstance post(Head head, PostPageView view);
}
