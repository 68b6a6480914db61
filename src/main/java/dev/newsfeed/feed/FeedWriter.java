package dev.newsfeed.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Writes a {@link FeedDocument} as RSS 2.0 or Atom 1.0 (Rome's wire models, so ids, guids and links are
 * exactly as set) or JSON Feed 1.1 (Jackson). Pure: bytes out, nothing kept. Its text needs no cleaning here:
 * a document and its entries hold only XML-legal text from the moment they are made.
 */
public final class FeedWriter {

    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    private static final ObjectMapper JSON = new ObjectMapper();

    public byte[] write(FeedDocument doc, FeedFormat format) {
        return switch (format) {
            case RSS -> xml(rss(doc));
            case ATOM -> xml(atom(doc));
            case JSON -> json(doc);
        };
    }

    private static Channel rss(FeedDocument doc) {
        Channel c = new Channel("rss_2.0");
        c.setEncoding("UTF-8");
        c.setTitle(doc.title());
        c.setDescription(doc.description());
        c.setLink(doc.homeUrl());
        c.setLanguage("en");
        c.setTtl(doc.ttlMinutes());
        c.setLastBuildDate(date(doc.updated()));
        c.setPubDate(date(doc.updated()));
        c.setGenerator("Newsfeed");
        List<Element> links = new ArrayList<>();
        links.add(atomLink("self", doc.selfUrl(), FeedFormat.RSS.mediaType()));
        if (doc.archiveUrl() != null) {
            links.add(atomLink("prev-archive", doc.archiveUrl(), FeedFormat.RSS.mediaType()));
        }
        c.setForeignMarkup(links);
        List<Item> items = new ArrayList<>();
        for (FeedEntry e : doc.entries()) {
            Item i = new Item();
            i.setTitle(e.title());
            i.setLink(e.link());
            Guid guid = new Guid();
            guid.setValue(e.id());
            guid.setPermaLink(false);
            i.setGuid(guid);
            i.setPubDate(date(e.published()));
            if (!e.authors().isEmpty()) {
                // RSS <author> wants an e-mail address; dc:creator carries names.
                i.setForeignMarkup(List.of(new Element("creator", Namespace.getNamespace("dc",
                        "http://purl.org/dc/elements/1.1/")).setText(String.join(", ", e.authors()))));
            }
            List<Category> categories = new ArrayList<>();
            for (String term : e.categories()) {
                Category cat = new Category();
                cat.setValue(term);
                categories.add(cat);
            }
            i.setCategories(categories);
            Description d = new Description();
            d.setType("text/html");
            d.setValue(e.contentHtml());
            i.setDescription(d);
            items.add(i);
        }
        c.setItems(items);
        return c;
    }

    private static Element atomLink(String rel, String href, String type) {
        return new Element("link", ATOM).setAttribute("rel", rel).setAttribute("href", href)
                .setAttribute("type", type);
    }

    private static Feed atom(FeedDocument doc) {
        Feed f = new Feed("atom_1.0");
        f.setEncoding("UTF-8");
        f.setId(doc.id());
        f.setTitle(doc.title());
        Content subtitle = new Content();
        subtitle.setType("text");
        subtitle.setValue(doc.description());
        f.setSubtitle(subtitle);
        f.setUpdated(date(doc.updated()));
        f.setGenerator(null);
        Person newsfeed = new Person();
        newsfeed.setName("Newsfeed");
        f.setAuthors(List.of(newsfeed));
        f.setAlternateLinks(List.of(link("alternate", doc.homeUrl(), "text/html")));
        List<Link> other = new ArrayList<>();
        other.add(link("self", doc.selfUrl(), FeedFormat.ATOM.mediaType()));
        if (doc.archiveUrl() != null) {
            other.add(link("prev-archive", doc.archiveUrl(), FeedFormat.ATOM.mediaType()));
        }
        f.setOtherLinks(other);
        List<Entry> entries = new ArrayList<>();
        for (FeedEntry e : doc.entries()) {
            Entry a = new Entry();
            a.setId(e.id());
            a.setTitle(e.title());
            a.setAlternateLinks(List.of(link("alternate", e.link(), null)));
            a.setPublished(date(e.published()));
            a.setUpdated(date(e.updated()));
            List<com.rometools.rome.feed.synd.SyndPerson> people = new ArrayList<>();
            for (String name : e.authors()) {
                Person p = new Person();
                p.setName(name);
                people.add(p);
            }
            a.setAuthors(people);
            List<com.rometools.rome.feed.atom.Category> cats = new ArrayList<>();
            for (String term : e.categories()) {
                com.rometools.rome.feed.atom.Category cat = new com.rometools.rome.feed.atom.Category();
                cat.setTerm(term);
                cats.add(cat);
            }
            a.setCategories(cats);
            a.setSummary(content(e.summary(), "text"));
            a.setContents(List.of(content(e.contentHtml(), "html")));
            entries.add(a);
        }
        f.setEntries(entries);
        return f;
    }

    private static Link link(String rel, String href, String type) {
        Link l = new Link();
        l.setRel(rel);
        l.setHref(href);
        l.setType(type);
        return l;
    }

    private static Content content(String value, String type) {
        Content c = new Content();
        c.setType(type);
        c.setValue(value);
        return c;
    }

    private static byte[] xml(WireFeed feed) {
        try {
            return new WireFeedOutput().outputString(feed, false).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("feed could not be written", e);
        }
    }

    private static byte[] json(FeedDocument doc) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "https://jsonfeed.org/version/1.1");
        root.put("title", doc.title());
        root.put("home_page_url", doc.homeUrl());
        root.put("feed_url", doc.selfUrl());
        root.put("description", doc.description());
        if (doc.archiveUrl() != null) {
            root.put("next_url", doc.archiveUrl());
        }
        root.put("language", "en");
        ArrayNode items = root.putArray("items");
        for (FeedEntry e : doc.entries()) {
            ObjectNode i = items.addObject();
            i.put("id", e.id());
            i.put("url", e.link());
            i.put("title", e.title());
            i.put("content_html", e.contentHtml());
            i.put("summary", e.summary());
            i.put("date_published", rfc3339(e.published()));
            i.put("date_modified", rfc3339(e.updated()));
            if (!e.authors().isEmpty()) {
                ArrayNode authors = i.putArray("authors");
                e.authors().forEach(a -> authors.addObject().put("name", a));
            }
            ArrayNode tags = i.putArray("tags");
            e.categories().forEach(tags::add);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** RFC 3339 in UTC without fractional seconds, which some readers misread. */
    static String rfc3339(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    private static Date date(Instant t) {
        return Date.from(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
