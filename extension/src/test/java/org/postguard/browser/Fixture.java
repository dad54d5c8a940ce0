package org.postguard.browser;

/**
 * The fixture pages (extension/src/test/fixtures/src), each served at its real site's host name so
 * that the extension's real match patterns and site adapters apply.
 */
public enum Fixture {
    X("x", "x.com", "Draft.js", Kind.CONTENTEDITABLE),
    FACEBOOK("facebook", "www.facebook.com", "Lexical rich text", Kind.CONTENTEDITABLE),
    THREADS("threads", "www.threads.com", "Lexical plain text", Kind.CONTENTEDITABLE),
    WHATSAPP("whatsapp", "web.whatsapp.com", "Lexical plain text", Kind.CONTENTEDITABLE),
    LINKEDIN("linkedin", "www.linkedin.com", "Quill 2", Kind.CONTENTEDITABLE),
    BLUESKY("bluesky", "bsky.app", "TipTap 3", Kind.CONTENTEDITABLE),
    YOUTUBE("youtube", "www.youtube.com", "plain contenteditable", Kind.CONTENTEDITABLE),
    MASTODON("mastodon", "mastodon.social", "React textarea", Kind.TEXTAREA),
    OLD_REDDIT("oldreddit", "old.reddit.com", "textarea", Kind.TEXTAREA),
    REDDIT("reddit", "www.reddit.com", "shreddit web components", Kind.CONTENTEDITABLE);

    public enum Kind { CONTENTEDITABLE, TEXTAREA }

    /** Page name: the page is /NAME.html and registers window.__pgFixture.name = NAME. */
    public final String page;
    public final String host;
    public final String editorLibrary;
    public final Kind kind;

    Fixture(String page, String host, String editorLibrary, Kind kind) {
        this.page = page;
        this.host = host;
        this.editorLibrary = editorLibrary;
        this.kind = kind;
    }

    /** The base domains whose names Chromium maps to 127.0.0.1 (each also with "*."). */
    static final String[] MAPPED_DOMAINS = {
        "x.com", "twitter.com", "facebook.com", "messenger.com", "threads.com", "threads.net", "whatsapp.com",
        "linkedin.com", "bsky.app", "youtube.com", "reddit.com", "mastodon.social", "instagram.com",
    };

    @Override
    public String toString() {
        return page + " (" + editorLibrary + ")";
    }
}
