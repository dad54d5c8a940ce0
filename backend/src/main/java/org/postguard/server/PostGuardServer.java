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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The local HTTP API: {@code POST /api/v1/check}, {@code GET /api/v1/guidance},
 * {@code GET /api/v1/health}, and the statistics collector ({@link StatsRoutes}: {@code POST /api/v1/stats},
 * the summary and {@code /dashboard}). Refuses web pages (any {@code Origin} that is not a browser
 * extension) and DNS rebinding (a {@code Host} that is not loopback). Never logs request bodies.
 */
public final class PostGuardServer implements AutoCloseable {
    static final long MAX_BODY_BYTES = 256 * 1024;
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final Javalin app;
    private final Checker checker;
    private final StatsStore stats;

    private PostGuardServer(Javalin app, Checker checker, StatsStore stats) {
        this.app = app;
        this.checker = checker;
        this.stats = stats;
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
        java.util.concurrent.CompletableFuture<Checker> loading = java.util.concurrent.CompletableFuture.supplyAsync(() -> Checker.load(data));
        GuidanceCatalogue guidance = GuidanceCatalogue.parse(
                data.text("guidance.json").orElseThrow(() -> new IllegalStateException("guidance.json is missing")),
                organisation(settings, data));
        JsonObject guidanceJson = guidance.toJson();
        Semaphore checks = new Semaphore(settings.maxConcurrentChecks());
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
            config.routes.before(ctx -> guard(ctx, settings));
            config.routes.post("/api/v1/check", ctx -> check(ctx, ready.get(), checks));
            config.routes.get("/api/v1/guidance", ctx -> json(ctx, 200, guidanceJson));
            config.routes.get("/api/v1/health", ctx -> json(ctx, 200, health(ready.get().lexicon())));
            if (stats != null) {
                StatsRoutes.register(config.routes, stats, () -> LocalDate.now(ZoneOffset.UTC));
            }
            config.routes.exception(ApiError.class, (e, ctx) -> json(ctx, e.status(), ApiJson.error(e.code(), e.getMessage())));
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
            return new PostGuardServer(app, loading.join(), stats);
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

    private static JsonObject health(Lexicon lexicon) {
        JsonObject json = new JsonObject();
        json.addProperty("status", "ok");
        json.addProperty("version", version());
        json.addProperty("phrases", lexicon.count(SignalKind.PHRASE));
        int vocabulary = DataFiles.VOCABULARY.values().stream().mapToInt(lexicon::count).sum();
        json.addProperty("vocabulary", vocabulary);
        return json;
    }

    /** The version in the jar's manifest, or "dev" when run from classes. */
    public static String version() {
        String version = PostGuardServer.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** Refuses DNS rebinding, web-page origins and, off loopback, requests without the token. */
    private static void guard(Context ctx, ServerSettings settings) {
        String host = hostName(ctx.header("Host"));
        if (settings.isLoopback() && !LOOPBACK_HOSTS.contains(host)) {
            throw new ApiError(403, "forbidden-host", "PostGuard answers only requests addressed to this machine (127.0.0.1 or localhost).");
        }
        String origin = ctx.header("Origin");
        if (origin != null) {
            if (!isExtensionOrigin(origin)) {
                throw new ApiError(403, "forbidden-origin", "PostGuard's API is for the PostGuard extension and local programs, not web pages.");
            }
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Vary", "Origin");
        }
        if (settings.token() != null && !StatsRoutes.isAnonymousUpload(ctx) && !AccessToken.presented(ctx.header("Authorization"), settings.token())) {
            ctx.header("WWW-Authenticate", "Basic realm=\"PostGuard\", charset=\"UTF-8\""); // a browser asks for it on /dashboard
            throw new ApiError(401, "token-required", "This PostGuard server needs its access token (Authorization: Bearer ...).");
        }
        if (ctx.method() == HandlerType.POST && ctx.contentLength() > MAX_BODY_BYTES) {
            throw new ApiError(413, "body-too-large", "The request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB.");
        }
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

    private static void check(Context ctx, Checker checker, Semaphore checks) throws InterruptedException {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "unsupported-media-type", "Send the check as JSON with Content-Type: application/json.");
        }
        CheckRequest request = CheckRequestParser.parse(ctx.body());
        if (!checks.tryAcquire(2, TimeUnit.SECONDS)) {
            throw new ApiError(429, "too-many-requests", "PostGuard is busy with other checks; try again in a moment.");
        }
        try {
            CheckResult result = checker.check(request);
            json(ctx, 200, ApiJson.result(result, false));
        } finally {
            checks.release();
        }
    }

    private static void json(Context ctx, int status, JsonObject body) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(body.toString());
    }

    public int port() {
        return app.port();
    }

    public Checker checker() {
        return checker;
    }

    @Override
    public void close() {
        app.stop();
        if (stats != null) {
            stats.close();
        }
    }
}
