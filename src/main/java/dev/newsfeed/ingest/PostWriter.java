package dev.newsfeed.ingest;

import dev.newsfeed.extract.ExtractedDocument;
import dev.newsfeed.extract.ExtractedPost;
import dev.newsfeed.post.LiveBlog;
import dev.newsfeed.post.Post;
import dev.newsfeed.post.PostRevision;
import dev.newsfeed.post.Source;
import dev.newsfeed.topic.TopicClassifier;
import dev.newsfeed.topic.TopicService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The writes of one ingest, all inside the caller's transaction. */
@ApplicationScoped
class PostWriter {

    private final TopicService topics;

    PostWriter(TopicService topics) {
        this.topics = topics;
    }

    /** Serialises transactions on the same key until they commit. */
    Uni<Void> lock(String key) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
                .setParameter(1, key)
                .getSingleResult()).replaceWithVoid();
    }

    /**
     * The answer for a document ingested before, or null: the same shape, nothing written. Reads neither the
     * raw page nor the entity, so a repeat costs one statement.
     */
    Uni<IngestResult> repeat(String sha) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("select d.id, d.layout, d.extraction_error, p.post_id from document d "
                        + "left join document_post p on p.document_id = d.id where d.sha256 = ?1 order by p.post_id",
                        Object[].class)
                .setParameter(1, sha)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : repeated(sha, rows));
    }

    private static IngestResult repeated(String sha, List<Object[]> rows) {
        Object[] first = rows.get(0);
        List<UUID> ids = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (row[3] != null) {
                ids.add((UUID) row[3]);
            }
        }
        return new IngestResult(((Number) first[0]).longValue(), sha, (String) first[1], 0, 0, ids.size(),
                List.copyOf(ids), true, (String) first[2]);
    }

    Uni<Source> source(String slug) {
        return Panache.getSession()
                .flatMap(s -> s.createNativeQuery(
                                "insert into source (slug, name) values (?1, ?2) on conflict (slug) do nothing")
                        .setParameter(1, slug)
                        .setParameter(2, SourceNames.name(slug))
                        .executeUpdate())
                .flatMap(x -> Source.<Source>find("slug", slug).<Source>singleResult());
    }

    Uni<LiveBlog> liveBlog(Source source, String pageKey, String url, ExtractedDocument doc) {
        return LiveBlog.<LiveBlog>find("pageKey", pageKey).<LiveBlog>firstResult().flatMap(found -> {
            LiveBlog blog = found != null ? found : new LiveBlog();
            if (found == null) {
                blog.source = source;
                blog.pageKey = pageKey;
                blog.createdAt = Instant.now();
            }
            blog.url = url != null ? url : blog.url;
            blog.title = doc.title() != null ? doc.title() : blog.title != null ? blog.title
                    : doc.posts().get(0).headline();
            blog.kind = doc.layout().wire();
            blog.summary = doc.summary().isEmpty() && blog.summary != null ? blog.summary
                    : doc.summary().toArray(String[]::new);
            if (doc.updatedAt() != null && (blog.updatedAt == null || doc.updatedAt().isAfter(blog.updatedAt))) {
                blog.updatedAt = doc.updatedAt();
            }
            return blog.<LiveBlog>persist();
        });
    }

    /** Creates, revises or leaves each post, then links posts and topics. */
    Uni<IngestResult> apply(StoredDocument doc, LiveBlog blog, List<ExtractedPost> extracted,
                            TopicClassifier classifier) {
        return Post.<Post>list("liveBlog.id", blog.id).flatMap(existing -> {
            PostMatcher matcher = new PostMatcher(existing);
            List<Object> toPersist = new ArrayList<>();
            List<Post> changed = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            int created = 0;
            int updated = 0;
            for (ExtractedPost e : extracted) {
                Post post = matcher.match(e);
                if (post == null) {
                    post = Post.create(e, blog, blog.source, doc.id);
                    toPersist.add(post);
                    changed.add(post);
                    created++;
                } else if (!post.contentHash.equals(Post.hash(e))) {
                    toPersist.add(PostRevision.of(post));
                    post.read(e, doc.id);
                    post.revision++;
                    changed.add(post);
                    updated++;
                } else {
                    post.documentId = doc.id;
                }
                ids.add(post.id);
            }
            int c = created;
            int u = updated;
            int unchanged = extracted.size() - created - updated;
            return Panache.getSession()
                    .flatMap(s -> s.persistAll(toPersist.toArray()).call(s::flush))
                    .call(() -> linkDocument(doc.id, ids))
                    .call(() -> topics.link(changed, classifier))
                    .map(x -> new IngestResult(doc.id, doc.sha256, doc.layout, c, u, unchanged, ids, false, null));
        });
    }

    private Uni<Void> linkDocument(long documentId, List<UUID> ids) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID id : ids.stream().distinct().toList()) {
            chain = chain.call(() -> Panache.getSession().flatMap(s -> s
                    .createNativeQuery("insert into document_post (document_id, post_id) values (?1, ?2) "
                            + "on conflict do nothing")
                    .setParameter(1, documentId)
                    .setParameter(2, id)
                    .executeUpdate()));
        }
        return chain;
    }
}
