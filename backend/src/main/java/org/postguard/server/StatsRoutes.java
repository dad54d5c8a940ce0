package org.postguard.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.postguard.stats.StatsBatch;
import org.postguard.stats.StatsGrid;
import org.postguard.stats.StatsStore;
import org.postguard.stats.StatsSummary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The statistics collector's routes, added to the PostGuard server:
 *
 * <ul>
 *   <li>{@code POST /api/v1/stats}: a batch of anonymous, noisy counts ({@link StatsBatchParser});
 *       added to the aggregates, the batch itself is not kept. Open without the access token, since
 *       doctors' extensions have none; web-page origins are still refused by the server's guard.</li>
 *   <li>{@code GET /api/v1/stats/summary[?from=yyyy-mm-dd&to=yyyy-mm-dd]} and {@code .../summary.csv}:
 *       estimates from days with at least {@value StatsGrid#MIN_REPORTS} reports ({@link StatsSummary}).</li>
 *   <li>{@code GET /dashboard}: the dashboard page (static HTML, CSS, JS under strict CSP), which reads
 *       the summary from its own origin.</li>
 * </ul>
 *
 * Other web pages can neither read nor embed the summary or the dashboard: their fetches carry an
 * {@code Origin} (refused by the guard), and their no-cors loads and frames carry
 * {@code Sec-Fetch-Site: cross-site} (refused here) and meet {@code Cross-Origin-Resource-Policy}
 * and {@code frame-ancestors 'none'}.
 */
final class StatsRoutes {
    static final String UPLOAD = "/api/v1/stats";
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Map<String, String> ASSETS = Map.of(
            "dashboard.js", "text/javascript; charset=utf-8",
            "dashboard.css", "text/css; charset=utf-8",
            "icon.svg", "image/svg+xml");

    private StatsRoutes() {
    }

    /** True for the anonymous upload, the one request that needs no access token. */
    static boolean isAnonymousUpload(Context ctx) {
        return ctx.method() == HandlerType.POST && UPLOAD.equals(ctx.path().replaceAll("/+$", ""));
    }

    static void register(RoutesConfig routes, StatsStore store, Supplier<LocalDate> today) {
        byte[] page = resource("dashboard.html");
        Map<String, byte[]> assets = new java.util.HashMap<>();
        ASSETS.keySet().forEach(name -> assets.put(name, resource(name)));

        routes.post(UPLOAD, ctx -> upload(ctx, store, today.get()));
        routes.get(UPLOAD + "/summary", ctx -> {
            refuseEmbedding(ctx);
            StatsSummary summary = summary(ctx, store, today.get());
            ctx.header("Cross-Origin-Resource-Policy", "same-origin");
            ctx.header("Cache-Control", "no-store");
            ctx.contentType("application/json; charset=utf-8");
            ctx.result(summary.toJson().toString());
        });
        routes.get(UPLOAD + "/summary.csv", ctx -> {
            refuseEmbedding(ctx);
            LocalDate[] range = range(ctx, today.get());
            StatsSummary summary = summary(ctx, store, today.get());
            ctx.header("Cross-Origin-Resource-Policy", "same-origin");
            ctx.header("Cache-Control", "no-store");
            ctx.header("Content-Disposition", "attachment; filename=\"postguard-stats-" + range[0] + "-to-" + range[1] + ".csv\"");
            ctx.contentType("text/csv; charset=utf-8");
            ctx.result(summary.toCsv());
        });
        routes.get("/dashboard", ctx -> {
            refuseEmbedding(ctx);
            page(ctx, "text/html; charset=utf-8", page);
        });
        routes.get("/dashboard/{asset}", ctx -> {
            refuseEmbedding(ctx);
            String name = ctx.pathParam("asset");
            byte[] body = assets.get(name);
            if (body == null) {
                throw new ApiError(404, "not-found", "There is nothing at " + ctx.method() + " " + ctx.path() + "; see /dashboard.");
            }
            page(ctx, ASSETS.get(name), body);
        });
    }

    private static void upload(Context ctx, StatsStore store, LocalDate today) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "unsupported-media-type", "Send the statistics as JSON with Content-Type: application/json.");
        }
        StatsBatch batch = StatsBatchParser.parse(ctx.body(), today);
        try {
            store.add(batch);
        } catch (IllegalStateException e) {
            throw unavailable(e);
        }
        ctx.status(200);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json; charset=utf-8");
        ctx.result("{\"status\":\"added\",\"days\":" + batch.days().size() + "}");
    }

    private static StatsSummary summary(Context ctx, StatsStore store, LocalDate today) {
        LocalDate[] range = range(ctx, today);
        try {
            return StatsSummary.of(store.read(range[0], range[1]), range[0], range[1]);
        } catch (IllegalStateException e) {
            throw unavailable(e);
        }
    }

    private static ApiError unavailable(IllegalStateException e) {
        System.err.println("postguard: " + e.getMessage());
        return new ApiError(503, "stats-unavailable", "The statistics database is not available; the server's log says why.");
    }

    /** {@code from} and {@code to} (yyyy-mm-dd, both included); default the last 30 days up to today (UTC). */
    static LocalDate[] range(Context ctx, LocalDate today) {
        LocalDate to = date(ctx.queryParam("to"), today, "to");
        LocalDate from = date(ctx.queryParam("from"), to.minusDays(DEFAULT_DAYS - 1), "from");
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new ApiError(400, "bad-range", "\"from\" must be on or before \"to\", at most " + MAX_DAYS + " days apart.");
        }
        return new LocalDate[]{from, to};
    }

    private static LocalDate date(String value, LocalDate fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not yyyy-mm-dd", value, 0);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "bad-range", "\"" + name + "\" must be a date written yyyy-mm-dd.");
        }
    }

    /**
     * Refuses loads started by another site (an img, script, fetch without cors, or frame); a
     * top-level navigation from anywhere (a link to the dashboard) is fine.
     */
    private static void refuseEmbedding(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site == null || site.equals("same-origin") || site.equals("none")) {
            return;
        }
        boolean navigation = "navigate".equals(ctx.header("Sec-Fetch-Mode")) && "document".equals(ctx.header("Sec-Fetch-Dest"));
        if (!navigation) {
            throw new ApiError(403, "forbidden-origin", "PostGuard's statistics are for its own dashboard, not for other web pages.");
        }
    }

    private static void page(Context ctx, String type, byte[] body) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(type);
        ctx.result(body);
    }

    private static byte[] resource(String name) {
        try (InputStream in = StatsRoutes.class.getResourceAsStream("/postguard/dashboard/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The dashboard file " + name + " is missing from the jar.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
