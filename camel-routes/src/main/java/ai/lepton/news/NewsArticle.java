package ai.lepton.news;

import java.time.Instant;

/**
 * One news item as a feed gives it: its key (the feed's id or link; a hash of title and text when
 * it has neither), title, link, publication time (null when the feed gives none) and text (title
 * and description or content, markup removed).
 */
public record NewsArticle(
    String key, String title, String link, Instant publishedAt, String text) {}
