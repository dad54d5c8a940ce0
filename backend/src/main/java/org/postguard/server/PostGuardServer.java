package org.postguard.server;

import com.google.gson.JsonObject;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.postguard.check.CheckRequest;
import org.postguard.check.CheckResult;
import org.postguard.check.Checker;
import org.postguard.check.SignalKind;
import org.postguard.guidance.GuidanceCatalogue;
import org.postguard.guidance.Organisation;
import org.postguard.lexicon.DataFiles;
import org.postguard.lexicon.Lexicon;
import org.postguard.stats.LazyStatsStore;
import org.postguard.stats.StatsSettings;
import org.postguard.stats.StatsStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local HTTP API: {@code POST /api/v1/check}, {@code GET /api/v1/guidance},
 * {@code GET /api/v1/health}, and the statistics collector ({@link StatsRoutes}: {@code POST /api/v1/stats},
 * the summary and {@code /dashboard}). Refuses web pages (any {@code Origin} that is not a browser
 * extension) and DNS rebinding (a {@code Host} that is not loopback). Never logs request bodies.
 * Checks beyond {@link ServerSettings#maxConcurrentChecks()} wait their turn in a short queue
 * ({@link CheckGate}); only when it is full, or the wait too long, is the answer 429.
 */
public final class PostGuardServer implements AutoCloseable {
    /** Logs numbers and codes only, never text (NoTextKeptTest runs the server at trace level). */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PostGuardServer.class);
    static final long MAX_BODY_BYTES = 256 * 1024;
    /** Oversized bodies up to this size are read and dropped before the 413, so simple clients see it. */
    static final long DRAINED_BODY_BYTES = 4L * 1024 * 1024;
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final Javalin app;
    private final Checker checker;
    private final CheckGate gate;
    private final Counts counts;
    private final StatsStore stats;

    private PostGuardServer(Javalin app, Checker checker, CheckGate gate, Counts counts, StatsStore stats) {
        this.app = app;
        this.checker = checker;
        this.gate = gate;
        this.counts = counts;
        this.stats = stats;
    }

    /** What the server has done since it started (numbers only, never text): shown by /api/v1/health. */
    static final class Counts {
        final AtomicLong checks = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong busy = new AtomicLong();
    }

    /** Loads the data, builds the index and starts listening, with the statistics collector's defaults. */
    public static PostGuardServer start(ServerSettings settings) {
        return start(settings, StatsSettings.defaults());
    }

    /**
     * Loads the data, builds the index and starts listening. The statistics database opens when
     * first needed, or at once in parallel when {@link StatsSettings#configured()}.
     */
    public static PostGuardServer start(ServerSettings settings, StatsSettings statsSettings) {
        if (!settings.isLoopback() && (settings.token() == null || settings.token().length() < 16)) {
            throw new IllegalArgumentException("Binding " + settings.host()
                    + " exposes PostGuard beyond this machine; set an access token of at least 16 characters.");
        }
        DataFiles data = settings.dataFolder() == null ? DataFiles.bundled() : DataFiles.in(settings.dataFolder());
        // The index loads on a second core while Jetty starts: together they take well under a second.
        java.util.concurrent.CompletableFuture<Checker> loading = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> Checker.load(data, settings.judgeWanted()));
        GuidanceCatalogue guidance = GuidanceCatalogue.parse(
                data.text("guidance.json").orElseThrow(() -> new IllegalStateException("guidance.json is missing")),
                organisation(settings, data));
        JsonObject guidanceJson = guidance.toJson();
        CheckGate gate = new CheckGate(settings.maxConcurrentChecks(), settings.maxWaitingChecks(), settings.checkWait());
        Counts counts = new Counts();
        java.util.function.Supplier<Checker> ready = loading::join;
        LazyStatsStore stats = statsSettings.enabled() ? new LazyStatsStore(statsSettings::open) : null;
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.router.ignoreTrailingSlashes = true;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.routes.before(ctx -> guard(ctx, settings, counts));
            config.routes.post("/api/v1/check", ctx -> check(ctx, ready.get(), gate, counts));
            config.routes.get("/api/v1/guidance", ctx -> json(ctx, 200, guidanceJson));
            config.routes.get("/api/v1/health", ctx -> json(ctx, 200, health(ready.get(), counts)));
            for (String path : new String[]{"/api/v1/check", "/api/v1/guidance", "/api/v1/health"}) {
                config.routes.options(path, PostGuardServer::preflight);
            }
            if (stats != null) {
                config.routes.options(StatsRoutes.UPLOAD, PostGuardServer::preflight);
                StatsRoutes.register(config.routes, stats, () -> LocalDate.now(ZoneOffset.UTC));
            }
            config.routes.exception(ApiError.class, (e, ctx) -> {
                LOG.debug("refused a {} request: {} {}", ctx.method(), e.status(), e.code()); // no path: it is the client's text
                json(ctx, e.status(), ApiJson.error(e.code(), e.getMessage()));
            });
            config.routes.exception(Exception.class, (e, ctx) -> json(ctx, 500,
                    ApiJson.error("internal", "PostGuard hit an unexpected problem (" + e.getClass().getSimpleName() + ").")));
            config.routes.error(404, "*", ctx -> json(ctx, 404, ApiJson.error("not-found",
                    "There is nothing at " + ctx.method() + " " + ctx.path() + "; see /api/v1/health.")));
            config.routes.error(405, "*", ctx -> json(ctx, 405, ApiJson.error("method-not-allowed",
                    ctx.method() + " is not allowed on " + ctx.path() + ".")));
            config.routes.error(413, "*", ctx -> {
                if (ctx.result() == null) { // Jetty's own limit, not one of ours that already explained itself
                    json(ctx, 413, ApiJson.error("body-too-large", "The request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB."));
                }
            });
        });
        app.start();
        if (stats != null && statsSettings.configured()) {
            stats.openInBackground();
        }
        try {
            return new PostGuardServer(app, loading.join(), gate, counts, stats);
        } catch (RuntimeException e) {
            app.stop();
            throw e;
        }
    }

    private static Organisation organisation(ServerSettings settings, DataFiles data) {
        if (settings.organisationFile() == null) {
            return Organisation.parse(data.text("organisation.properties")
                    .orElseThrow(() -> new IllegalStateException("organisation.properties is missing")));
        }
        try {
            return Organisation.parse(Files.readString(settings.organisationFile(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + settings.organisationFile(), e);
        }
    }

    private static JsonObject health(Checker checker, Counts counts) {
        Lexicon lexicon = checker.lexicon();
        JsonObject json = new JsonObject();
        json.addProperty("status", "ok");
        json.addProperty("version", version());
        json.addProperty("judge", checker.judge().id());
        json.addProperty("phrases", lexicon.count(SignalKind.PHRASE));
        int vocabulary = DataFiles.VOCABULARY.values().stream().mapToInt(lexicon::count).sum();
        json.addProperty("vocabulary", vocabulary);
        json.addProperty("checks", counts.checks.get());
        json.addProperty("refused", counts.refused.get());
        json.addProperty("busy", counts.busy.get());
        return json;
    }

    /** The version in the jar's manifest, or "dev" when run from classes. */
    public static String version() {
        String version = PostGuardServer.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /**
     * Runs before every request, before its body is read: refuses DNS rebinding (a Host that is not
     * loopback), web pages (any Origin that is not a browser extension, and requests a browser marks
     * as sent by another site through Sec-Fetch-Site, such as an image or script tag, which carry no
     * Origin), then, off loopback, requests without the token, then bodies over the limit.
     */
    private static void guard(Context ctx, ServerSettings settings, Counts counts) {
        String host = hostName(ctx.header("Host"));
        if (settings.isLoopback() && !LOOPBACK_HOSTS.contains(host)) {
            counts.refused.incrementAndGet();
            throw new ApiError(403, "forbidden-host", "PostGuard answers only requests addressed to this machine (127.0.0.1 or localhost).");
        }
        String origin = ctx.header("Origin");
        if (origin != null) {
            if (!isExtensionOrigin(origin)) {
                counts.refused.incrementAndGet();
                throw new ApiError(403, "forbidden-origin", "PostGuard's API is for the PostGuard extension and local programs, not web pages.");
            }
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Vary", "Origin");
        } else if (isFromAnotherSite(ctx.header("Sec-Fetch-Site")) && !isLinkFollowed(ctx)) {
            counts.refused.incrementAndGet();
            throw new ApiError(403, "forbidden-origin", "PostGuard's API is for the PostGuard extension and local programs, not web pages.");
        }
        if (settings.token() != null && ctx.method() != HandlerType.OPTIONS && !StatsRoutes.isAnonymousUpload(ctx)
                && !AccessToken.presented(ctx.header("Authorization"), settings.token())) {
            counts.refused.incrementAndGet();
            ctx.header("WWW-Authenticate", "Basic realm=\"PostGuard\", charset=\"UTF-8\""); // a browser asks for it on /dashboard
            throw new ApiError(401, "token-required", "This PostGuard server needs its access token (Authorization: Bearer ...).");
        }
        if (ctx.method() == HandlerType.POST && ctx.contentLength() > MAX_BODY_BYTES) {
            drainUpTo(ctx, DRAINED_BODY_BYTES);
            throw new ApiError(413, "body-too-large", "The request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB.");
        }
    }

    /**
     * Reads and drops an oversized body of up to {@code limit} bytes (never kept, never parsed), so
     * a client that sends its whole body before reading the answer still gets the 413 instead of
     * a reset connection. Bigger bodies are not read at all: the connection closes after the answer.
     */
    private static void drainUpTo(Context ctx, long limit) {
        if (ctx.contentLength() > limit) {
            ctx.header("Connection", "close");
            return;
        }
        try (java.io.InputStream body = ctx.req().getInputStream()) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    /**
     * A link to the dashboard (or to /api/v1/health) followed from another site: a top-level GET
     * whose answer only the user sees. Anything a page could read or send, it cannot do this way.
     */
    private static boolean isLinkFollowed(Context ctx) {
        return ctx.method() == HandlerType.GET && "navigate".equals(ctx.header("Sec-Fetch-Mode"))
                && "document".equals(ctx.header("Sec-Fetch-Dest"));
    }

    /** "cross-site" and "same-site" come from web pages; "none" is the user typing the address. */
    private static boolean isFromAnotherSite(String secFetchSite) {
        return secFetchSite != null && !secFetchSite.equalsIgnoreCase("none") && !secFetchSite.equalsIgnoreCase("same-origin");
    }

    /**
     * CORS preflight. Only the extension's origin gets here (the guard refused web pages first), and
     * browsers let an extension with host access skip preflights anyway; local programs get the Allow list.
     */
    private static void preflight(Context ctx) {
        ctx.status(204);
        ctx.header("Allow", "GET, POST, OPTIONS");
        if (ctx.header("Origin") != null) {
            ctx.header("Access-Control-Allow-Methods", "GET, POST");
            ctx.header("Access-Control-Allow-Headers", "Content-Type, Authorization");
            ctx.header("Access-Control-Max-Age", "600");
        }
        ctx.header("Cache-Control", "no-store");
    }

    static boolean isExtensionOrigin(String origin) {
        return origin.matches("(chrome-extension|moz-extension|safari-web-extension)://[A-Za-z0-9-]+");
    }

    private static String hostName(String header) {
        if (header == null) {
            return "";
        }
        String host = header.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close < 0 ? host : host.substring(0, close + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static void check(Context ctx, Checker checker, CheckGate gate, Counts counts) throws InterruptedException {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "unsupported-media-type", "Send the check as JSON with Content-Type: application/json.");
        }
        CheckRequest request = CheckRequestParser.parse(ctx.body());
        if (!gate.enter()) {
            counts.busy.incrementAndGet();
            ctx.header("Retry-After", "1");
            throw new ApiError(429, "too-many-requests", "PostGuard is busy with other checks; try again in a moment.");
        }
        try {
            CheckResult result = checker.check(request);
            counts.checks.incrementAndGet();
            LOG.debug("check answered: {} code units, risk {}, {} warnings, {} µs",
                    request.text().length(), result.risk(), result.warnings().size(), result.tookMicros());
            json(ctx, 200, ApiJson.result(result, false));
        } finally {
            gate.leave();
        }
    }

    private static void json(Context ctx, int status, JsonObject body) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(body.toString());
    }

    public int port() {
        return app.port();
    }

    public Checker checker() {
        return checker;
    }

    /** Checks answered since the server started (also in {@code /api/v1/health} as {@code checks}). */
    public long checksRun() {
        return counts.checks.get();
    }

    /** The queue of checks, for tests in this package that need to hold a place in it. */
    CheckGate gate() {
        return gate;
    }

    @Override
    public void close() {
        app.stop();
        if (stats != null) {
            stats.close();
        }
    }
}
